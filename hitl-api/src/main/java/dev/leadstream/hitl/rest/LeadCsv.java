package dev.leadstream.hitl.rest;

import dev.leadstream.hitl.model.LeadRow;
import dev.leadstream.topics.event.ScoredLead;

import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Lead rows as RFC 4180 CSV lines. A cell that a spreadsheet would run as a formula (it starts
 * with =, +, -, @, tab or CR, and is not simply a number such as +441134960001) is prefixed with
 * a quote mark, so an exported sheet cannot run what a crawled page wrote.
 */
final class LeadCsv {

    static final String HEADER = "lead_id,name,website,score,tier,segment,sector,status,emails,phones,address,city,region,country,model_version\r\n";

    private static final Pattern NUMBERS = Pattern.compile("[+-]?[0-9][0-9 .]*( [+-]?[0-9][0-9 .]*)*");

    private LeadCsv() {
    }

    static String row(LeadRow row) {
        ScoredLead lead = row.lead();
        ScoredLead.Location place = lead.location();
        return Stream.of(row.leadId(), lead.name(), lead.website(), String.valueOf(lead.score()), lead.tier(),
                        lead.segment(), lead.sector(), row.status(), String.join(" ", lead.emails()),
                        String.join(" ", lead.phones()), lead.address(), place == null ? null : place.city(),
                        place == null ? null : place.region(), place == null ? null : place.country(), lead.modelVersion())
                .map(LeadCsv::cell).collect(Collectors.joining(",", "", "\r\n"));
    }

    static String cell(String value) {
        if (value == null) {
            return "";
        }
        boolean formula = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 && !NUMBERS.matcher(value).matches();
        String safe = formula ? "'" + value : value;
        return safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")
                ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
