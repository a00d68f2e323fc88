package dev.leadstream.scoring.model;

import dev.leadstream.topics.event.ScoredLead.DuplicateLink;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The values of the duplicate index: leads join and leave match keys; each key's group tells its
 * members who else shares it; each lead collects what its keys say into links.
 */
public final class DuplicateIndex {

    /** A key shared by more businesses than this is a switchboard or a chain's number, not a duplicate. */
    public static final int MAX_GROUP = 20;

    private DuplicateIndex() {
    }

    /** A lead took a match key on ({@code member}) or gave it up. */
    public record Membership(String leadId, boolean member) {
    }

    /** The leads sharing one key, and the one that just left it (to be told it no longer shares it). */
    public record Group(List<String> members, String leaver) {

        public static Group empty() {
            return new Group(List.of(), null);
        }

        public Group apply(Membership change) {
            TreeSet<String> now = new TreeSet<>(members);
            if (change.member()) {
                now.add(change.leadId());
            } else {
                now.remove(change.leadId());
            }
            return new Group(List.copyOf(now), change.member() ? null : change.leadId());
        }

        /**
         * What each lead should now believe about this key. A lead alone under a key it just
         * joined has nothing to learn, which spares the index a message for nearly every lead.
         */
        public Map<String, List<String>> othersByLead() {
            Map<String, List<String>> views = new LinkedHashMap<>();
            if (members.size() == 1 && leaver == null) {
                return views;
            }
            boolean tooCommon = members.size() > MAX_GROUP;
            for (String lead : members) {
                List<String> others = new ArrayList<>(members);
                others.remove(lead);
                views.put(lead, tooCommon ? List.of() : others);
            }
            if (leaver != null) {
                views.put(leaver, List.of());
            }
            return views;
        }
    }

    public record GroupView(String matchKey, List<String> others) {
    }

    /** Per lead: match key → the other leads sharing it. */
    public record Links(Map<String, List<String>> othersByKey) {

        public static Links empty() {
            return new Links(Map.of());
        }

        public Links with(GroupView view) {
            Map<String, List<String>> next = new TreeMap<>(othersByKey);
            if (view.others().isEmpty()) {
                next.remove(view.matchKey());
            } else {
                next.put(view.matchKey(), List.copyOf(view.others()));
            }
            return new Links(next);
        }

        public List<DuplicateLink> links() {
            Map<String, DuplicateLink> byLeadAndKind = new TreeMap<>();
            othersByKey.forEach((key, others) -> others.forEach(other -> byLeadAndKind.putIfAbsent(
                    other + "|" + MatchKeys.kind(key), new DuplicateLink(other, MatchKeys.kind(key), MatchKeys.reason(key)))));
            return List.copyOf(byLeadAndKind.values());
        }
    }

    /** A merged lead with the links the index holds for it: what the scorer needs. */
    public record Profile(MergedLead lead, Links links) {
        public List<DuplicateLink> duplicates() {
            return links == null ? List.of() : links.links();
        }
    }
}
