package dev.leadstream.persona.writer.llm;

import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;

/** The langchain4j chat model for an endpoint: OpenAI's API, whoever serves it (see {@link LlmProvider}). */
final class ChatModels {

    private ChatModels() {
    }

    static ChatModel of(ModelEndpoint endpoint) {
        OpenAiChatModel.OpenAiChatModelBuilder builder = OpenAiChatModel.builder()
                .httpClientBuilder(ModelHttpClient.builder())
                .baseUrl(endpoint.baseUrl())
                // Ollama and local servers take no key; the client still wants one to send
                .apiKey(endpoint.apiKey() == null || endpoint.apiKey().isBlank() ? "no-key" : endpoint.apiKey())
                .modelName(endpoint.model())
                .temperature(endpoint.temperature())
                .maxTokens(endpoint.maxTokens())
                .timeout(endpoint.timeout())
                // retries are ours, to honour Retry-After and feed the circuit breaker
                .maxRetries(0)
                .logRequests(false)
                .logResponses(false);
        if (endpoint.jsonSchema()) {
            builder.supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA).strictJsonSchema(true);
        }
        return builder.build();
    }
}
