package dev.leadstream.persona.writer.llm;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import dev.leadstream.persona.writer.Brief;
import dev.leadstream.persona.writer.ContentWriter;
import dev.leadstream.persona.writer.StyleExample;
import dev.leadstream.persona.writer.Written;
import dev.leadstream.topics.event.Draft;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes a brief's messages with an LLM, asking for JSON statements that cite the brief's facts.
 * An answer that cannot be used gets one repair request naming its problems; when the model stays
 * unusable, unreachable or behind an open circuit breaker, the fallback writer (the deterministic
 * one) writes the content and the draft's generation says why. What the model claims is checked by
 * the grounding gate afterwards, like any writer's.
 * <p>Blocking: call it on a worker thread.
 */
public final class LlmWriter implements ContentWriter {

    public static final String WRITER = "llm";

    private static final Logger LOG = Logger.getLogger(LlmWriter.class);

    private final ModelEndpoint endpoint;
    private final ResilientChat chat;
    private final ContentWriter fallback;

    public LlmWriter(ModelEndpoint endpoint, ChatModel model, RetryPolicy retry, CircuitBreaker breaker, ContentWriter fallback) {
        this.endpoint = endpoint;
        this.chat = new ResilientChat(model, retry, breaker);
        this.fallback = fallback;
    }

    @Override
    public Written write(Brief brief) {
        WritingTask task = WritingTask.of(brief);
        List<Draft.Fact> facts = ContactFacts.withoutContacts(brief.facts());
        Set<String> factIds = facts.stream().map(Draft.Fact::id).collect(Collectors.toSet());
        String user = WritingPrompt.user(brief, task, facts);
        ChatRequest request = ChatRequest.builder()
                .messages(SystemMessage.from(WritingPrompt.SYSTEM), UserMessage.from(user))
                .responseFormat(AnswerSchema.responseFormat(task, endpoint.jsonSchema()))
                .build();
        Spent spent = new Spent(endpoint.model());
        try {
            Answer answer = askAndRead(request, task, factIds, spent);
            return new Written(AnswerMessages.of(answer, brief, task), new Draft.Generation(WRITER, spent.model,
                    prompt(user), endpoint.temperature(), spent.promptTokens(), spent.completionTokens(), spent.attempts,
                    null, brief.instruction(), brief.examples().stream().map(StyleExample::id).toList()));
        } catch (ModelUnavailableException e) {
            spent.attempts += e.attempts();
            return fallBack(brief, e.getMessage(), spent, user);
        } catch (InvalidAnswerException e) {
            return fallBack(brief, "unusable answer after a repair request: " + e.problems().getFirst(), spent, user);
        }
    }

    private Answer askAndRead(ChatRequest request, WritingTask task, Set<String> factIds, Spent spent) {
        ChatResponse first = spent.add(chat.ask(request));
        try {
            return AnswerReader.read(first.aiMessage().text(), task, factIds);
        } catch (InvalidAnswerException invalid) {
            LOG.infof("the model's answer is unusable (%d problems), asking once more", invalid.problems().size());
            ChatResponse repaired = spent.add(chat.ask(repairOf(request, first, invalid)));
            return AnswerReader.read(repaired.aiMessage().text(), task, factIds);
        }
    }

    private static ChatRequest repairOf(ChatRequest request, ChatResponse answer, InvalidAnswerException invalid) {
        List<ChatMessage> messages = new ArrayList<>(request.messages());
        messages.add(AiMessage.from(answer.aiMessage().text() == null ? "" : answer.aiMessage().text()));
        messages.add(UserMessage.from("That answer cannot be used: " + invalid.getMessage()
                + ". Answer again with the complete JSON object only, fixing every problem."));
        return request.toBuilder().messages(messages).build();
    }

    /**
     * The fallback writer's content, with its own writer and model, and what the LLM cost before
     * it gave up: calls, tokens, and the prompt when one was sent.
     */
    private Written fallBack(Brief brief, String reason, Spent spent, String user) {
        LOG.warnf("LLM writer fell back to the deterministic writer: %s", reason);
        Written written = fallback.write(brief);
        Draft.Generation own = written.generation();
        return new Written(written.messages(), new Draft.Generation(
                own == null ? "deterministic" : own.writer(), own == null ? null : own.model(),
                spent.attempts == 0 ? null : prompt(user), own == null ? null : own.temperature(),
                spent.promptTokens(), spent.completionTokens(), spent.attempts, "llm " + endpoint.model() + ": " + reason,
                brief.instruction(), own == null ? List.of() : own.examples()));
    }

    private static String prompt(String user) {
        return PromptRecord.of(WritingPrompt.SYSTEM + "\n\n" + user);
    }

    /** Model calls and tokens spent on one brief, repairs and failed calls included. */
    private static final class Spent {
        private String model;
        private int attempts;
        private TokenUsage tokens;

        Spent(String model) {
            this.model = model;
        }

        ChatResponse add(ResilientChat.Reply reply) {
            attempts += reply.attempts();
            tokens = TokenUsage.sum(tokens, reply.response().tokenUsage());
            if (reply.response().modelName() != null) {
                model = reply.response().modelName();
            }
            return reply.response();
        }

        Integer promptTokens() {
            return tokens == null ? null : tokens.inputTokenCount();
        }

        Integer completionTokens() {
            return tokens == null ? null : tokens.outputTokenCount();
        }
    }
}
