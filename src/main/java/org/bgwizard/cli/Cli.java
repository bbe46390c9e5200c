package org.bgwizard.cli;

import java.io.PrintWriter;
import org.bgwizard.session.Connector;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The headless face of the app. Exit codes: 0 fine, 1 findings or failure, 2 usage error; messages go to
 * stderr, machine-readable output (when asked for) to stdout.
 */
@Command(name = "bluegreen-wizard",
    mixinStandardHelpOptions = true,
    versionProvider = Cli.Version.class,
    description = {
        "Sets up and operates blue/green deployments of containers on AWS:",
        "ECS Fargate + CodeDeploy blue/green + CodePipeline (Source -> Build -> Deploy).",
        "Run without a command to open the wizard window."},
    subcommands = {InitCommand.class, ValidateCommand.class, FilesCommand.class, LintCommand.class,
        PlanCommand.class, ApplyCommand.class, StatusCommand.class, TeardownCommand.class, DeployCommand.class,
        ExportCommand.class, MigrateCommand.class})
public final class Cli implements Runnable {
  public static final int OK = 0;
  public static final int FINDINGS = 1;
  public static final int USAGE = 2;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Name a command, or run without arguments for the window");
  }

  /** Runs the commands that need no AWS connection; the others say they cannot connect. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return run(args, out, err, Connector.NONE);
  }

  /**
   * Runs with {@code connector} opening the sessions for plan, apply, status, teardown and deploy. Flushes both
   * writers before it returns: a command may print without a line end ({@code plan} does), and the caller may exit.
   */
  public static int run(String[] args, PrintWriter out, PrintWriter err, Connector connector) {
    return run(args, out, err, connector, Terminal.system());
  }

  /** The same, with questions answered on {@code terminal}. */
  public static int run(String[] args, PrintWriter out, PrintWriter err, Connector connector, Terminal terminal) {
    var cmd = commandLine(connector, terminal);
    cmd.setOut(out);
    cmd.setErr(err);
    cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      commandLine.getErr().println("error: " + ex.getMessage());
      return FINDINGS;
    });
    try {
      return cmd.execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }

  /**
   * The commands, each description made of whole paragraphs: the sources split a paragraph over several strings to
   * keep lines short, and picocli would start a new line at each one, mid-sentence.
   */
  static CommandLine commandLine(Connector connector, Terminal terminal) {
    var cmd = new CommandLine(new Cli(), new Factory(connector, terminal));
    wholeParagraphs(cmd);
    return cmd;
  }

  private static void wholeParagraphs(CommandLine command) {
    for (CommandLine sub : command.getSubcommands().values()) {
      var usage = sub.getCommandSpec().usageMessage();
      usage.description(paragraphs(usage.description()));
      wholeParagraphs(sub);
    }
  }

  /** Joins consecutive strings until one ends a sentence ('.' or ':'). */
  static String[] paragraphs(String[] parts) {
    var out = new java.util.ArrayList<String>();
    var current = new StringBuilder();
    for (String part : parts) {
      current.append(current.length() == 0 ? "" : " ").append(part.strip());
      if (part.isBlank() || part.endsWith(".") || part.endsWith(":")) {
        out.add(current.toString());
        current.setLength(0);
      }
    }
    if (current.length() > 0) {
      out.add(current.toString());
    }
    return out.toArray(String[]::new);
  }

  /** Hands the backend to the commands that connect to AWS (those constructed with one). */
  private record Factory(Connector connector, Terminal terminal) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> type) throws Exception {
      java.lang.reflect.Constructor<K> constructor;
      try {
        constructor = type.getDeclaredConstructor(Connector.class);
      } catch (NoSuchMethodException e) {
        return CommandLine.defaultFactory().create(type);
      }
      constructor.setAccessible(true);
      K command = constructor.newInstance(connector);
      if (command instanceof ProvisioningCommand provisioning) {
        provisioning.terminal = terminal;
      }
      return command;
    }
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Cli.class.getPackage().getImplementationVersion();
      return new String[] {"bluegreen-wizard " + (v == null ? "(development build)" : v)};
    }
  }
}
