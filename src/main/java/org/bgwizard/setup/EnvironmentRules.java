package org.bgwizard.setup;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/** Checks a setup's environments: names, branches, sizes, ports, the approval topic, and derived name lengths. */
final class EnvironmentRules {
  private EnvironmentRules() {}

  static void check(SetupSpec spec, Findings f) {
    Environments envs = spec.environments();
    if (envs == null) {
      return;
    }
    List<Environment> list = envs.list();
    if (list.isEmpty() || list.size() > Environments.MAX) {
      f.add("environments", list.size(), "environments.count", Environments.MAX);
      return;
    }
    var names = new HashSet<String>();
    var branches = new HashSet<String>();
    boolean s3 = spec.source() != null && spec.source().provider() == Source.Provider.S3;
    for (int i = 0; i < list.size(); i++) {
      Environment e = list.get(i);
      String at = "environments.list[" + i + "]";
      f.name(at + ".name", e.name(), NameRule.ENVIRONMENT, "environment.name");
      if (e.name() != null && !names.add(e.name())) {
        f.add(at + ".name", e.name(), "environment.nameTwice");
      }
      if (!s3 && f.present(at + ".branch", e.branch())) {
        f.require(AwsNames.isGitBranch(e.branch()), at + ".branch", e.branch(), "branch.invalid");
        if (!branches.add(e.branch())) {
          f.add(at + ".branch", e.branch(), "environment.branchTwice");
        }
      }
      if (e.desiredCount() != null) {
        f.range(at + ".desiredCount", e.desiredCount(), 1, 100, "ecs.desiredCount");
      }
      checkSize(spec, e, at, f);
      if (AwsNames.isEnvironmentName(e.name()) && spec.loadBalancer() != null && spec.name() != null) {
        checkDerivedLengths(spec, envs, i, at, f);
      }
    }
    checkPorts(spec, envs, f);
    checkTopic(envs, f);
    if (spec.loadBalancer() != null && spec.loadBalancer().isExisting() && !envs.sharedLoadBalancer()) {
      f.add("environments.sharedLoadBalancer", false, "environments.existingLbShared");
    }
  }

  private static void checkSize(SetupSpec spec, Environment e, String at, Findings f) {
    if (e.cpu() == null && e.memory() == null || spec.container() == null) {
      return;
    }
    int cpu = e.cpu() != null ? e.cpu() : spec.container().cpu();
    int memory = e.memory() != null ? e.memory() : spec.container().memory();
    if (!Fargate.isValidCpu(cpu)) {
      f.add(at + ".cpu", cpu, "fargate.cpu", Findings.join(Fargate.cpuValues()));
    } else if (!Fargate.isValid(cpu, memory)) {
      f.add(at + ".memory", memory, "fargate.memory", String.valueOf(cpu), Findings.join(Fargate.memoryValues(cpu)));
    }
  }

  /** The longest environment name every derived name still fits, named by the limit that binds first. */
  private static void checkDerivedLengths(SetupSpec spec, Environments envs, int index, String at, Findings f) {
    SetupSpec env = EnvironmentNames.forEnvironment(spec, envs, index);
    String name = envs.list().get(index).name();
    EnvironmentNames.Derived binding = null;
    int room = Integer.MAX_VALUE;
    for (var d : EnvironmentNames.derived(env, envs.sharedLoadBalancer())) {
      int left = d.limit() - (d.value().length() - name.length());
      if (left < room) {
        room = left;
        binding = d;
      }
    }
    if (binding != null && binding.value().length() > binding.limit()) {
      f.add(at + ".name", name, "environment.nameTooLong", new FieldLabel(binding.field()), binding.value(),
          binding.value().length(), binding.limitSource(), binding.limit(), Math.max(0, room));
    }
  }

  /** On a shared load balancer, every listener port differs; with one each, production and test differ. */
  private static void checkPorts(SetupSpec spec, Environments envs, Findings f) {
    if (spec.loadBalancer() == null) {
      return;
    }
    var taken = new HashMap<Integer, String>();
    for (int i = 0; i < envs.list().size(); i++) {
      String at = "environments.list[" + i + "]";
      Map<String, Integer> ports = new java.util.LinkedHashMap<>();
      ports.put(at + ".productionPort", envs.productionPort(spec, i));
      ports.put(at + ".testPort", envs.testPort(spec, i));
      if (!envs.sharedLoadBalancer()) {
        taken.clear();
      }
      for (var p : ports.entrySet()) {
        if (p.getValue() < 1 || p.getValue() > 65535) {
          f.add(p.getKey(), p.getValue(), "port.invalid");
        } else if (taken.containsKey(p.getValue())) {
          f.add(p.getKey(), p.getValue(), "environment.portTaken", new FieldLabel(taken.get(p.getValue())));
        } else {
          taken.put(p.getValue(), p.getKey());
        }
      }
    }
  }

  private static void checkTopic(Environments envs, Findings f) {
    boolean anyApproval = envs.list().stream().anyMatch(Environment::approval);
    var t = envs.approvalTopic();
    if (!anyApproval) {
      return;
    }
    if (!f.present("environments.approvalTopic", t)) {
      return;
    }
    if (t.isExisting()) {
      f.require(AwsArns.isSnsTopicArn(t.existingArn()), "environments.approvalTopic.existingArn", t.existingArn(),
          "snsArn.invalid");
    } else {
      f.name("environments.approvalTopic.name", t.name(), NameRule.SNS_TOPIC, "snsTopic.invalid");
    }
    if (t.email() != null && !t.email().isBlank()) {
      f.require(AwsNames.isEmail(t.email()), "environments.approvalTopic.email", t.email(), "email.invalid");
    }
  }
}
