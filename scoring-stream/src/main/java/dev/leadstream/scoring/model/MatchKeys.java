package dev.leadstream.scoring.model;

import dev.leadstream.scoring.normalise.Addresses;
import dev.leadstream.scoring.normalise.Names;
import dev.leadstream.scoring.normalise.Phones;
import dev.leadstream.topics.event.ScoredLead.Location;

import java.util.ArrayList;
import java.util.List;

/**
 * Keys two leads with different ids share when they are probably one business: the same phone
 * number ({@code phone:+441134960000}), or the same normalised name at the same postcode or street
 * ({@code nap:rose bakery|ls1 3ab}).
 */
public final class MatchKeys {

    public static final String PHONE = "phone";
    public static final String NAME_AND_ADDRESS = "name-and-address";

    private MatchKeys() {
    }

    public static List<String> of(MergedLead lead) {
        List<String> keys = new ArrayList<>();
        lead.phones().values().forEach(p -> Phones.e164(p.value(), null).map(n -> "phone:" + n)
                .filter(k -> !keys.contains(k)).ifPresent(keys::add));
        String name = lead.name() == null ? "" : Names.normalised(lead.name().value());
        Location location = lead.address() == null ? null : Addresses.parse(lead.address().value(), null);
        String place = location == null ? null : location.postcode() != null ? location.postcode()
                : location.street() != null ? Names.normalised(location.street()) : null;
        if (!name.isEmpty() && place != null) {
            keys.add("nap:" + name + "|" + place);
        }
        return List.copyOf(keys);
    }

    /** What a key matched on, and a sentence for reviewers. */
    public static String kind(String key) {
        return key.startsWith("phone:") ? PHONE : NAME_AND_ADDRESS;
    }

    public static String reason(String key) {
        return key.startsWith("phone:") ? "both list the phone number " + key.substring("phone:".length())
                : "same name and address (" + key.substring("nap:".length()).replace("|", " at ") + ")";
    }
}
