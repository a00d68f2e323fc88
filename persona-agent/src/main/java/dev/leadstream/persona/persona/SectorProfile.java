package dev.leadstream.persona.persona;

import java.util.List;
import java.util.Map;

/**
 * Who usually decides at a business of a sector, and what such a business cares about. Sector
 * ids are scoring-stream's taxonomy (sector-taxonomy.txt); an unknown sector gets the owner and
 * general interests.
 */
public record SectorProfile(String decisionMaker, List<String> interests) {

    private static final SectorProfile DEFAULT = new SectorProfile("the owner or general manager",
            List.of("winning new customers", "less admin", "being easy to reach"));

    private static final Map<String, SectorProfile> BY_SECTOR = Map.ofEntries(
            Map.entry("bakery", new SectorProfile("the owner or head baker", List.of("pre-orders", "less unsold stock", "regulars coming back"))),
            Map.entry("cafe", new SectorProfile("the owner or café manager", List.of("busy mornings", "regulars coming back", "quiet afternoons filled"))),
            Map.entry("brewery", new SectorProfile("the founder or taproom manager", List.of("taproom visits", "direct sales", "events"))),
            Map.entry("winery", new SectorProfile("the owner or cellar-door manager", List.of("tastings booked", "direct sales", "visitors"))),
            Map.entry("restaurant", new SectorProfile("the owner or head chef", List.of("full tables", "fewer no-shows", "a calmer service"))),
            Map.entry("bar", new SectorProfile("the owner or bar manager", List.of("busy weeknights", "group bookings", "events"))),
            Map.entry("dentist", new SectorProfile("the practice manager or principal dentist", List.of("a full appointment book", "fewer missed appointments", "new patients"))),
            Map.entry("medical", new SectorProfile("the practice manager", List.of("a full appointment book", "fewer missed appointments", "less time on the phone"))),
            Map.entry("veterinary", new SectorProfile("the practice manager or lead vet", List.of("appointments", "reminders for check-ups", "less time on the phone"))),
            Map.entry("florist", new SectorProfile("the owner", List.of("orders for occasions", "deliveries", "regular customers"))),
            Map.entry("bookshop", new SectorProfile("the owner or shop manager", List.of("footfall", "orders for collection", "events"))),
            Map.entry("hair-beauty", new SectorProfile("the salon owner", List.of("a full diary", "fewer no-shows", "rebookings"))),
            Map.entry("fitness", new SectorProfile("the studio owner or gym manager", List.of("class bookings", "members staying", "new members"))),
            Map.entry("hotel", new SectorProfile("the general manager", List.of("direct bookings", "occupancy", "guest reviews"))),
            Map.entry("legal", new SectorProfile("the managing partner or practice manager", List.of("new client enquiries", "less admin", "being easy to reach"))),
            Map.entry("accounting", new SectorProfile("the managing partner", List.of("new clients", "less admin", "busy seasons handled"))),
            Map.entry("real-estate", new SectorProfile("the branch manager", List.of("valuation requests", "viewings", "landlords"))),
            Map.entry("trades", new SectorProfile("the owner", List.of("jobs booked in", "quotes sent quickly", "less time on the phone"))),
            Map.entry("automotive", new SectorProfile("the garage owner or service manager", List.of("services booked", "service reminders", "less time on the phone"))),
            Map.entry("retail", new SectorProfile("the shop owner", List.of("footfall", "online orders", "regular customers"))));

    public static SectorProfile of(String sector) {
        return sector == null ? DEFAULT : BY_SECTOR.getOrDefault(sector, DEFAULT);
    }
}
