package dev.leadstream.local.launcher;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "topics", description = "Records per topic and lag per consumer group.")
public class TopicsCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        Stack stack = new Stack(Workspace.fromSystemProperty(), StackPorts.demo(), 0);
        try (TopicStats stats = new TopicStats(stack.bootstrapServers())) {
            System.out.printf("%-24s %10s %9s  %s%n", "TOPIC", "PARTITIONS", "RECORDS", "LAG BY CONSUMER GROUP");
            for (TopicStats.Row row : stats.rows(true)) {
                System.out.printf("%-24s %10d %9d  %s%n", row.topic(), row.partitions(), row.records(),
                        row.lagByGroup().isEmpty() ? "-" : row.lagByGroup().toString());
            }
        }
        return 0;
    }
}
