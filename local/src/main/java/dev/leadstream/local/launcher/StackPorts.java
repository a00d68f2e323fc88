package dev.leadstream.local.launcher;

import dev.leadstream.local.infra.FreePorts;

import java.util.List;
import java.util.stream.IntStream;

/** The loopback ports of one running stack: fixed for the demo, free ones for tests. */
public record StackPorts(int kafka, int postgres, int smtp, int imap, int sampleWeb, int hitlApi, List<Integer> agents) {

    static final int AGENT_COUNT = 7;

    public static StackPorts demo() {
        return new StackPorts(19092, 15432, 3025, 3143, 18080, 8080,
                IntStream.range(0, AGENT_COUNT).mapToObj(i -> 8081 + i).toList());
    }

    /** Every port of the stack but the sample web's: the crawler must never fetch them. */
    public List<Integer> ownPorts() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(kafka, postgres, smtp, imap, hitlApi),
                agents.stream()).toList();
    }

    public static StackPorts free() {
        return new StackPorts(FreePorts.any(), FreePorts.any(), FreePorts.any(), FreePorts.any(), FreePorts.any(),
                FreePorts.any(), IntStream.range(0, AGENT_COUNT).mapToObj(i -> FreePorts.any()).toList());
    }
}
