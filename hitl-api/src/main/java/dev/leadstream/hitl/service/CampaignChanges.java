package dev.leadstream.hitl.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leadstream.hitl.repository.CampaignRepository.Change;
import dev.leadstream.topics.EventJson;
import dev.leadstream.topics.event.Campaign;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * What one version of a campaign changed against the one before, field by field, as a reviewer
 * reads it: {@code offering.statements[price-1].text}. Statements are matched by id, so adding
 * one at the top does not show every other one as changed; lists of plain values (channels,
 * languages) are compared whole.
 */
final class CampaignChanges {

    /** Who made a version and when is the version's own record, not a change. */
    private static final Set<String> NOT_CONTENT = Set.of("version", "updatedBy", "updatedAt", "provenance");

    private CampaignChanges() {
    }

    static List<Change> between(Campaign before, Campaign after) {
        List<Change> changes = new ArrayList<>();
        diff("", content(before), content(after), changes);
        return changes;
    }

    /** A short line for the audit trail: which fields changed. */
    static String summary(int version, List<Change> changes) {
        String fields = changes.stream().map(Change::field).limit(10).collect(Collectors.joining(", "));
        return "version " + version + (changes.isEmpty() ? "" : ": " + fields + (changes.size() > 10 ? ", ..." : ""));
    }

    private static JsonNode content(Campaign campaign) {
        ObjectNode tree = EventJson.MAPPER.valueToTree(campaign);
        tree.remove(NOT_CONTENT);
        return tree;
    }

    private static void diff(String path, JsonNode before, JsonNode after, List<Change> changes) {
        if (same(before, after)) {
            return;
        }
        if (before != null && after != null && before.isObject() && after.isObject()) {
            Set<String> names = new LinkedHashSet<>();
            before.fieldNames().forEachRemaining(names::add);
            after.fieldNames().forEachRemaining(names::add);
            names.forEach(name -> diff(join(path, name), before.get(name), after.get(name), changes));
        } else if (identified(before) && identified(after)) {
            Map<String, JsonNode> was = byId(before);
            Map<String, JsonNode> is = byId(after);
            Set<String> ids = new LinkedHashSet<>(was.keySet());
            ids.addAll(is.keySet());
            ids.forEach(id -> diff(path + "[" + id + "]", was.get(id), is.get(id), changes));
        } else {
            changes.add(new Change(path, shown(before), shown(after)));
        }
    }

    private static boolean same(JsonNode before, JsonNode after) {
        return before == null || before.isNull() ? after == null || after.isNull() : before.equals(after);
    }

    /** A list whose entries all carry an id: statements. */
    private static boolean identified(JsonNode node) {
        if (node == null || !node.isArray()) {
            return false;
        }
        for (JsonNode entry : node) {
            if (!entry.isObject() || !entry.path("id").isTextual()) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, JsonNode> byId(JsonNode array) {
        Map<String, JsonNode> entries = new LinkedHashMap<>();
        array.forEach(entry -> entries.put(entry.get("id").asText(), entry));
        return entries;
    }

    private static String shown(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isValueNode()) {
            return node.asText();
        }
        if (node.isArray() && stream(node).allMatch(JsonNode::isValueNode)) {
            return stream(node).map(JsonNode::asText).collect(Collectors.joining(", "));
        }
        return node.toString();
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
