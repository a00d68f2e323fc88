package dev.leadstream.persona.writer.llm;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelEndpointTest {

    private static ModelEndpoint endpoint(LlmProvider provider, String baseUrl, String model, String key) {
        return new ModelEndpoint(provider, baseUrl, model, key, 0.7, 1000, Duration.ofSeconds(30), true);
    }

    @Test
    void eachProviderHasItsOpenAiCompatibleBaseUrl() {
        assertThat(endpoint(LlmProvider.OPENAI, null, "gpt-4o-mini", "sk-1").baseUrl()).isEqualTo("https://api.openai.com/v1");
        assertThat(endpoint(LlmProvider.OLLAMA, " ", "llama3.1", null).baseUrl()).isEqualTo("http://localhost:11434/v1");
        assertThat(endpoint(LlmProvider.HUGGINGFACE, null, "meta-llama/Llama-3.1-8B-Instruct", "hf_1").baseUrl())
                .isEqualTo("https://router.huggingface.co/v1");
    }

    @Test
    void theHostedApisNeedAKeyASelfHostedServerMayNot() {
        assertThatThrownBy(() -> endpoint(LlmProvider.OPENAI, null, "gpt-4o-mini", null)).hasMessageContaining("PERSONA_LLM_API_KEY");
        assertThatThrownBy(() -> endpoint(LlmProvider.HUGGINGFACE, null, "m", " ")).hasMessageContaining("PERSONA_LLM_API_KEY");
        assertThat(endpoint(LlmProvider.OPENAI, "http://127.0.0.1:8000/v1", "Qwen/Qwen2.5-7B-Instruct", null).apiKey()).isNull();
    }

    @Test
    void aModelMustBeNamedAndNoneHasNoEndpoint() {
        assertThatThrownBy(() -> endpoint(LlmProvider.OLLAMA, null, null, null)).hasMessageContaining("persona.llm.model");
        assertThatThrownBy(() -> endpoint(LlmProvider.NONE, null, "m", null)).hasMessageContaining("none");
        assertThatThrownBy(() -> LlmProvider.named("anthropic")).hasMessageContaining("none, openai, ollama or huggingface");
        assertThat(LlmProvider.named(" HuggingFace ")).isEqualTo(LlmProvider.HUGGINGFACE);
    }
}
