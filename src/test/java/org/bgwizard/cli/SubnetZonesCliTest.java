package org.bgwizard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bgwizard.app.TestWorkspaces;
import org.bgwizard.sandbox.core.ManualClock;
import org.bgwizard.sandbox.Sandbox;
import org.bgwizard.sandbox.core.Sleeper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.model.Subnet;

/** A VPC with two subnets in one zone: validation passes (zones unknown), plan refuses before CreateLoadBalancer. */
class SubnetZonesCliTest {

  @TempDir
  Path dir;
  private Path setup;
  private Path state;
  private StringWriter out;
  private StringWriter err;
  private String vpc;
  private List<Subnet> defaults;
  private String extraInZoneA;

  @BeforeEach
  void init() throws Exception {
    setup = dir.resolve("demo.json");
    state = dir.resolve("sandbox").resolve("account.json");
    assertEquals(0, run("init", "demo", "--region", "us-east-1", "--out", setup.toString()));
    Sandbox account = Sandbox.open(state, "us-east-1", ManualClock::new, Sleeper.NONE);
    vpc = account.ec2().describeVpcs().vpcs().get(0).vpcId();
    defaults = account.ec2().describeSubnets().subnets().stream()
        .sorted(java.util.Comparator.comparing(Subnet::availabilityZone)).toList();
    extraInZoneA = account.ec2().createSubnet(r -> r.vpcId(vpc).cidrBlock("172.31.96.0/20")
        .availabilityZone(defaults.get(0).availabilityZone())).subnet().subnetId();
  }

  private int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    return Cli.run(args, new PrintWriter(out, true), new PrintWriter(err, true), TestWorkspaces.manualBackend());
  }

  private int sandbox(String command, String... more) {
    var args = new ArrayList<>(List.of(command, setup.toString(), "--sandbox", "--sandbox-state", state.toString()));
    args.addAll(List.of(more));
    return run(args.toArray(String[]::new));
  }

  private void useSubnets(String... ids) throws Exception {
    var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
    var json = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(setup.toFile());
    var network = (com.fasterxml.jackson.databind.node.ObjectNode) json.path("network");
    network.put("vpcId", vpc);
    var list = network.putArray("subnets");
    for (String id : ids) {
      list.addObject().put("id", id);
    }
    Files.writeString(setup, mapper.writerWithDefaultPrettyPrinter().writeValueAsString(json));
  }

  @Test
  void apply_withTwoSubnetsInOneZone_isRefusedByThePlan_namingThemAndTheZone_andCreatesNothing() throws Exception {
    useSubnets(defaults.get(0).subnetId(), defaults.get(1).subnetId(), extraInZoneA);
    assertEquals(0, run("validate", setup.toString()), err::toString);

    assertEquals(1, sandbox("apply", "--yes"));

    String zoneA = defaults.get(0).availabilityZone();
    assertTrue(err.toString().contains("Subnets (network.subnets): Subnets "), err.toString());
    assertTrue(err.toString().contains(" are all in " + zoneA + "; a load balancer takes at most one subnet per"
        + " Availability Zone"), err.toString());
    assertTrue(err.toString().contains(extraInZoneA), err.toString());
    assertEquals(0, sandbox("status"), err::toString);
    assertTrue(out.toString().contains("NOT_CREATED") && !out.toString().contains("PRESENT"), out.toString());

    useSubnets(defaults.get(0).subnetId(), defaults.get(1).subnetId());
    assertEquals(0, sandbox("plan"), err::toString);
  }
}
