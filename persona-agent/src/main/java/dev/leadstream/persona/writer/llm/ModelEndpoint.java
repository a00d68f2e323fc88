package dev.leadstream.persona.writer.llm;

import java.time.Duration;
import java.util.Objects;

/**
 * One model on one server, and how to ask it.
 *
 * @param jsonSchema send the answer's JSON schema as the response format; otherwise ask for JSON
 *                   mode only, for servers that do not take a schema
 */
public record ModelEndpoint(LlmProvider provider, String baseUrl, String model, String apiKey, double temperature,
                            int maxTokens, Duration timeout, boolean jsonSchema) {

    public ModelEndpoint {
        Objects.requireNonNull(provider, "provider");
        if (provider == LlmProvider.NONE) {
            throw new IllegalArgumentException("persona.llm.provider=none has no endpoint");
        }
        if (baseUrl == null || baseUrl.isBlank()) {
            baseUrl = provider.defaultBaseUrl();
        }
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("persona.llm.model must name the model for provider " + provider);
        }
        // a self-hosted server (vLLM, llama.cpp, LM Studio) may take no key; the hosted APIs always do
        if (provider.needsApiKey() && baseUrl.equals(provider.defaultBaseUrl()) && (apiKey == null || apiKey.isBlank())) {
            throw new IllegalArgumentException("persona.llm.api-key (PERSONA_LLM_API_KEY) is needed for " + baseUrl);
        }
    }

    /** Never prints the key: endpoints end up in logs and exception messages. */
    @Override
    public String toString() {
        return provider + " " + model + " at " + baseUrl + (apiKey == null || apiKey.isBlank() ? "" : " (with an API key)");
    }
}
