package dev.leadstream.hitl.model;

import java.util.List;

/**
 * Where the content for one lead and campaign stands: the selection that asked for it (who, when,
 * which campaign version) and the draft persona-agent wrote for it, if any yet.
 *
 * @param status requested (selected, no draft yet), written, regenerating (a new version was
 *               asked for and has not arrived), approved, rejected or sent
 */
public record GenerationRow(String leadId, String leadName, String campaignId, Integer campaignVersion, String selectedBy,
                            String selectedAt, String draftId, Integer draftVersion, String language, String subject,
                            String status, String updatedAt) {

    public static final List<String> STATUSES = List.of("requested", "written", "regenerating", "approved", "rejected", "sent");
}
