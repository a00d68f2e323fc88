package dev.leadstream.hitl.model;

import java.util.List;

/**
 * One page of the lead table: the filter, the order, and where the previous page ended (the
 * values of the sort keys of its last row, or null for the first page).
 */
public record LeadQuery(LeadFilter filter, LeadSort sort, boolean descending, List<String> after, int limit) {
}
