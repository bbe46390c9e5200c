package org.bgwizard.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.bgwizard.setup.SpecDefaults;
import org.bgwizard.setup.SpecJson;
import org.bgwizard.setup.SpecValidator;
import org.bgwizard.setup.Strategy;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "init", mixinStandardHelpOptions = true,
    description = "Write a setup file with the tutorial's defaults derived from NAME.")
final class InitCommand implements Callable<Integer> {
  /** The strategy by the word used in setup files. */
  static final class StrategyConverter implements ITypeConverter<Strategy> {
    @Override
    public Strategy convert(String value) {
      try {
        return Strategy.fromId(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "NAME", description = "Setup name: 2-24 lowercase letters, digits and hyphens, e.g. myapp.")
  String name;

  @Option(names = "--region", paramLabel = "R", defaultValue = "us-east-1",
      description = "AWS region (default: ${DEFAULT-VALUE}).")
  String region;

  @Option(names = "--out", paramLabel = "FILE", description = "Where to write the setup (default: NAME.json).")
  Path out;

  @Option(names = "--force", description = "Overwrite FILE if it exists.")
  boolean force;

  @Option(names = "--strategy", paramLabel = "S", defaultValue = "codedeploy", converter = StrategyConverter.class,
      description = "How the service deploys blue/green: codedeploy (the tutorials' way: a CodeDeploy application and"
          + " deployment group) or ecs-native (ECS's own blue/green on listener rules, which AWS recommends for new"
          + " setups). Default: ${DEFAULT-VALUE}.")
  Strategy strategy;

  @Option(names = "--environments", paramLabel = "E1,E2,…", split = ",",
      description = "Environments in promotion order, 1 to 5 lowercase names (e.g. dev,qa,prod): each gets its own"
          + " service, load balancer, ECR repository and pipeline on its own branch; the last one waits for an"
          + " approval. Without it, one environment, as in the tutorial.")
  java.util.List<String> environments;

  @Option(names = "--shared-load-balancer", description = "With --environments: one load balancer for all"
      + " environments, each on its own listener ports, instead of one load balancer each.")
  boolean sharedLoadBalancer;

  @Mixin
  SourceOptions source;

  @Override
  public Integer call() throws Exception {
    var err = spec.commandLine().getErr();
    var setup = SpecDefaults.tutorial(name, region, strategy);
    setup = setup.withSource(source.source(name, setup.source()));
    if (environments != null) {
      setup = SpecDefaults.withEnvironments(setup, environments);
      var envs = setup.environments();
      setup = setup.withEnvironments(new org.bgwizard.setup.Environments(envs.list(), sharedLoadBalancer,
          envs.approvalTopic()));
    } else if (sharedLoadBalancer) {
      err.println("error: --shared-load-balancer needs --environments (a setup with one environment has one load"
          + " balancer anyway)");
      return Cli.USAGE;
    }
    var problems = SpecValidator.validate(setup);
    if (!problems.isEmpty()) {
      problems.forEach(p -> err.println("error: " + p.message()));
      return Cli.USAGE;
    }
    Path file = out != null ? out : Path.of(name + ".json");
    if (Files.exists(file) && !force) {
      err.println("error: " + file + " exists; choose another --out or add --force to overwrite it");
      return Cli.FINDINGS;
    }
    SpecJson.save(setup, file);
    SpecValidator.warnings(setup).forEach(p -> err.println("warning: " + p.message()));
    err.println("Wrote " + file + " (setup '" + name + "' in " + region + ", strategy " + strategy.id()
        + (setup.hasEnvironments() ? ", environments " + String.join(", ", setup.environments().names()) : "")
        + ").");
    err.println("Next: edit it if you like, then `validate " + file + "` and `files " + file + " --out DIR`.");
    return Cli.OK;
  }
}
