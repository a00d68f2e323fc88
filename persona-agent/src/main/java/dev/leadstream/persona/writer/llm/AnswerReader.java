package dev.leadstream.persona.writer.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the model's answer leniently (a code fence or prose around the object, trailing commas,
 * comments, a single fact id where a list belongs) and checks it strictly: every message the
 * task asked for, nothing else, and every statement citing only facts of the brief.
 */
final class AnswerReader {

    private static final ObjectMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_JAVA_COMMENTS,
                    JsonReadFeature.ALLOW_SINGLE_QUOTES, JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .build();

    private AnswerReader() {
    }

    static Answer read(String content, WritingTask task, Set<String> factIds) {
        JsonNode root = parse(content);
        JsonNode messages = root.path("messages");
        if (!messages.isArray() || messages.isEmpty()) {
            throw new InvalidAnswerException(List.of("the answer has no \"messages\" array"));
        }
        List<String> problems = new ArrayList<>();
        List<Answer.Message> read = new ArrayList<>();
        Set<String> slots = new HashSet<>();
        for (int i = 0; i < messages.size(); i++) {
            Answer.Message message = message(messages.get(i));
            String where = "message " + (i + 1) + " (" + message.channel() + " step " + message.step() + " variant " + message.variant() + ")";
            checkMessage(message, where, task, factIds, problems);
            if (!slots.add(slot(message.channel(), message.step(), message.variant()))) {
                problems.add(where + " is given twice");
            }
            read.add(message);
        }
        for (String channel : task.channels()) {
            for (var step : task.steps()) {
                for (String variant : task.variantIds()) {
                    if (!slots.contains(slot(channel, step.step(), variant))) {
                        problems.add("missing: " + channel + " step " + step.step() + " variant " + variant);
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidAnswerException(problems);
        }
        return new Answer(read);
    }

    private static JsonNode parse(String content) {
        if (content == null) {
            throw new InvalidAnswerException(List.of("the answer is empty"));
        }
        int start = content.indexOf('{');
        int end = content.lastIndexOf('}');
        if (start < 0 || end < start) {
            throw new InvalidAnswerException(List.of("the answer holds no JSON object"));
        }
        try {
            return LENIENT.readTree(content.substring(start, end + 1));
        } catch (JsonProcessingException e) {
            throw new InvalidAnswerException(List.of("the answer is not valid JSON: " + e.getOriginalMessage()));
        }
    }

    private static Answer.Message message(JsonNode node) {
        List<Answer.Statement> statements = new ArrayList<>();
        node.path("statements").forEach(s -> statements.add(new Answer.Statement(text(s, "text"), text(s, "about"), strings(s.path("factIds")))));
        List<String> hashtags = strings(node.path("hashtags")).stream().map(h -> h.replaceFirst("^#+", "")).filter(h -> !h.isBlank()).toList();
        return new Answer.Message(text(node, "channel"), node.path("step").asInt(-1), text(node, "variant"),
                text(node, "subject"), text(node, "preheader"), hashtags, text(node, "script"), statements);
    }

    private static void checkMessage(Answer.Message message, String where, WritingTask task, Set<String> factIds, List<String> problems) {
        if (!task.channels().contains(message.channel())) {
            problems.add(where + ": channel " + message.channel() + " was not asked for");
        }
        if (task.step(message.step()).isEmpty()) {
            problems.add(where + ": step " + message.step() + " was not asked for");
        }
        if (!task.variantIds().contains(message.variant())) {
            problems.add(where + ": variant must be one of " + task.variantIds());
        }
        if ("email".equals(message.channel()) && message.subject() == null) {
            problems.add(where + ": an email needs a subject");
        }
        if (message.statements().isEmpty()) {
            problems.add(where + ": no statements");
        }
        for (int j = 0; j < message.statements().size(); j++) {
            checkStatement(message.statements().get(j), where + " statement " + (j + 1), factIds, problems);
        }
    }

    private static void checkStatement(Answer.Statement statement, String where, Set<String> factIds, List<String> problems) {
        if (statement.text() == null) {
            problems.add(where + ": no text");
        }
        if (!AnswerSchema.ABOUT.contains(statement.about())) {
            problems.add(where + ": \"about\" must be one of " + AnswerSchema.ABOUT);
        }
        if (statement.factIds().isEmpty() && !"courtesy".equals(statement.about())) {
            problems.add(where + ": cites no fact, and only a courtesy statement may");
        }
        for (String id : statement.factIds()) {
            if (!factIds.contains(id)) {
                problems.add(where + ": cites " + id + ", which is no fact of the brief");
            }
        }
    }

    private static String slot(String channel, int step, String variant) {
        return channel + "/" + step + "/" + variant;
    }

    /** The field's text, stripped; null when missing or blank. */
    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isValueNode() || value.isNull() || value.asText().isBlank()) {
            return null;
        }
        return value.asText().strip();
    }

    private static List<String> strings(JsonNode node) {
        if (node.isTextual()) {
            return node.asText().isBlank() ? List.of() : List.of(node.asText().strip());
        }
        List<String> values = new ArrayList<>();
        node.forEach(v -> {
            if (v.isValueNode() && !v.asText().isBlank()) {
                values.add(v.asText().strip());
            }
        });
        return values;
    }
}
