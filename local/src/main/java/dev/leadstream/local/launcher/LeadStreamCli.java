package dev.leadstream.local.launcher;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./leadstream}: run the whole system on one machine and look inside it. */
@Command(name = "leadstream", mixinStandardHelpOptions = true, version = "LeadStream 0.1.0",
        description = "Runs LeadStream on one machine: a real Kafka broker, PostgreSQL, GreenMail and every agent.",
        subcommands = {DemoCommand.class, UpCommand.class, DownCommand.class, StatusCommand.class,
                TopicsCommand.class, TailCommand.class, ExtractCommand.class, InfraCommand.class,
                SuperviseCommand.class})
public class LeadStreamCli {

    public static void main(String[] args) {
        int exit = new CommandLine(new LeadStreamCli())
                // a failure is one line naming what failed and where its log is, not a stack trace
                .setExecutionExceptionHandler((e, command, parsed) -> {
                    command.getErr().println("leadstream " + command.getCommandName() + ": " + oneLine(e));
                    return 1;
                })
                .execute(args);
        // a command that ran until a signal returns inside the JVM's shutdown, where exit would hang
        if (exit != 0) {
            System.exit(exit);
        }
    }

    static String oneLine(Throwable e) {
        String message = e.getMessage();
        for (Throwable cause = e.getCause(); (message == null || message.isBlank()) && cause != null; cause = cause.getCause()) {
            message = cause.getMessage();
        }
        return (message == null || message.isBlank() ? e.getClass().getSimpleName() : message).replaceAll("\\s*\\R\\s*", " ");
    }
}
