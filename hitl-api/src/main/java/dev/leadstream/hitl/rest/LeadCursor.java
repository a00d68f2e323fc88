package dev.leadstream.hitl.rest;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.leadstream.hitl.model.LeadSort;
import dev.leadstream.topics.EventJson;
import jakarta.ws.rs.BadRequestException;

import java.util.Base64;
import java.util.List;

/**
 * An opaque {@code next} token: the order it was made for and the sort-key values of the last row
 * of the page. A token only continues the order it came from.
 */
record LeadCursor(String sort, boolean descending, List<String> values) {

    static LeadCursor parse(String token, LeadSort sort, boolean descending) {
        if (token == null || token.isBlank()) {
            return null;
        }
        LeadCursor cursor;
        try {
            cursor = EventJson.MAPPER.readValue(Base64.getUrlDecoder().decode(token), new TypeReference<LeadCursor>() { });
        } catch (Exception e) {
            throw new BadRequestException("after must be the next cursor of a previous page, was " + token);
        }
        if (!sort.name().equals(cursor.sort()) || descending != cursor.descending()
                || cursor.values() == null || cursor.values().size() != sort.keys().size()) {
            throw new BadRequestException("after was made for another sort order (" + cursor.sort()
                    + (cursor.descending() ? " desc" : " asc") + "); ask for the first page again");
        }
        return cursor;
    }

    String token() {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(EventJson.MAPPER.writeValueAsBytes(this));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String tokenFor(LeadSort sort, boolean descending, List<String> values) {
        return new LeadCursor(sort.name(), descending, values).token();
    }
}
