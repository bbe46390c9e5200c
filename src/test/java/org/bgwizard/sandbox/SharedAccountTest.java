package org.bgwizard.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.bgwizard.sandbox.core.ManualClock;
import org.bgwizard.sandbox.core.Sleeper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ecr.model.Repository;

/**
 * One saved account open in several places at once — the wizard and a command in a terminal, or two windows —
 * is one account: what each creates stays, none overwrites the other's work with the state it read earlier.
 */
class SharedAccountTest {
  @TempDir Path dir;

  private Sandbox open(Path store) throws IOException {
    return Sandbox.open(store, "eu-west-1", ManualClock::new, Sleeper.NONE);
  }

  private static Set<String> repositories(Sandbox sandbox) {
    var names = new TreeSet<String>();
    sandbox.ecr().describeRepositoriesPaginator(r -> { }).repositories().forEach(r -> names.add(r.repositoryName()));
    return names;
  }

  @Test
  void twoHolders_eachSeesTheOthersWork_andTheFileKeepsBoth() throws IOException {
    Path store = dir.resolve("account.json");
    var wizard = open(store);
    var terminal = open(store);

    Repository first = wizard.ecr().createRepository(r -> r.repositoryName("from-the-wizard")).repository();
    Repository second = terminal.ecr().createRepository(r -> r.repositoryName("from-the-terminal")).repository();
    wizard.ecr().createRepository(r -> r.repositoryName("wizard-again"));

    var all = Set.of("from-the-wizard", "from-the-terminal", "wizard-again");
    assertEquals(all, repositories(wizard));
    assertEquals(all, repositories(terminal));
    assertEquals(all, repositories(open(store)));
    assertTrue(!first.registryId().isEmpty() && !first.repositoryArn().equals(second.repositoryArn()));
  }

  @Test
  void idsStayUnique_acrossHolders() throws IOException {
    Path store = dir.resolve("account.json");
    var a = open(store);
    var b = open(store);
    var ids = new TreeSet<String>();
    for (int i = 0; i < 5; i++) {
      ids.add(a.ec2().createSecurityGroup(r -> r.groupName("a" + ids.size()).description("a")
          .vpcId(a.ec2().describeVpcs().vpcs().get(0).vpcId())).groupId());
      ids.add(b.ec2().createSecurityGroup(r -> r.groupName("b" + ids.size()).description("b")
          .vpcId(b.ec2().describeVpcs().vpcs().get(0).vpcId())).groupId());
    }
    assertEquals(10, ids.size(), ids.toString());
  }

  @Test
  void anotherProcess_writingAtTheSameTime_losesNothing() throws Exception {
    Path store = dir.resolve("account.json");
    var here = open(store);
    int each = 15;
    var other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), OtherProcess.class.getName(), store.toString(),
        String.valueOf(each)).redirectErrorStream(true).start();
    var expected = new TreeSet<String>();
    for (int i = 0; i < each; i++) {
      String name = "here-" + i;
      here.ecr().createRepository(r -> r.repositoryName(name));
      expected.add(name);
      expected.add("there-" + i);
    }
    assertTrue(other.waitFor(120, TimeUnit.SECONDS), "the other process did not finish");
    String output = new String(other.getInputStream().readAllBytes());
    assertEquals(0, other.exitValue(), output);

    assertEquals(expected, repositories(here));
    assertEquals(expected, repositories(open(store)));
  }

  /** The other process: opens the same saved account and creates repositories while the test does too. */
  public static final class OtherProcess {
    public static void main(String[] args) throws IOException {
      var sandbox = Sandbox.open(Path.of(args[0]), "eu-west-1", ManualClock::new, Sleeper.NONE);
      List<String> made = new ArrayList<>();
      for (int i = 0; i < Integer.parseInt(args[1]); i++) {
        String name = "there-" + i;
        sandbox.ecr().createRepository(r -> r.repositoryName(name));
        made.add(name);
      }
      System.out.println("made " + made);
    }
  }
}
