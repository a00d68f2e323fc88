package dev.leadstream.persona.writer.llm;

import java.util.Locale;

/**
 * Where persona-agent's LLM writer sends its prompts. Every provider is reached through its
 * OpenAI-compatible chat-completions API: langchain4j's Ollama module is missing from the registry
 * for langchain4j 1.19, and its Hugging Face chat model is deprecated in favour of the router's
 * OpenAI-compatible API. A provider therefore only sets the defaults.
 */
public enum LlmProvider {

    /** No model: the deterministic writer writes everything. */
    NONE(null, false),
    /** OpenAI itself, or any server that speaks its API (vLLM, llama.cpp server, LM Studio): set the base URL. */
    OPENAI("https://api.openai.com/v1", true),
    /** A local Ollama server's OpenAI-compatible endpoint. */
    OLLAMA("http://localhost:11434/v1", false),
    /** Hugging Face Inference Providers (the router), or a dedicated endpoint's {@code /v1} (TGI Messages API). */
    HUGGINGFACE("https://router.huggingface.co/v1", true);

    private final String defaultBaseUrl;
    private final boolean needsApiKey;

    LlmProvider(String defaultBaseUrl, boolean needsApiKey) {
        this.defaultBaseUrl = defaultBaseUrl;
        this.needsApiKey = needsApiKey;
    }

    public String defaultBaseUrl() {
        return defaultBaseUrl;
    }

    /** At its default base URL, the provider's own hosted API. */
    public boolean needsApiKey() {
        return needsApiKey;
    }

    public static LlmProvider named(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("persona.llm.provider must be none, openai, ollama or huggingface, not " + name, e);
        }
    }
}
