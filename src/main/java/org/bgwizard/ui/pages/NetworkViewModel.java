package org.bgwizard.ui.pages;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.bgwizard.setup.Network;
import org.bgwizard.setup.Network.SubnetRef;
import org.bgwizard.setup.Problem;
import org.bgwizard.setup.SetupSpec;

/** Where the load balancer and tasks run, and who may reach them. */
public final class NetworkViewModel extends PageModel {
  private final BooleanProperty defaultVpc = new SimpleBooleanProperty(this, "defaultVpc");
  private final StringProperty vpcId = new SimpleStringProperty(this, "vpcId");
  private final ObservableList<SubnetInput> subnets = FXCollections.observableArrayList(SubnetInput::observables);
  private final BooleanProperty publicIp = new SimpleBooleanProperty(this, "publicIp");
  private final StringProperty ingressCidr = new SimpleStringProperty(this, "ingressCidr");

  public NetworkViewModel(ObjectProperty<SetupSpec> spec, Locale locale) {
    super(spec, locale);
    var n = spec.get().network();
    defaultVpc.set(n.usesDefaultVpc());
    vpcId.set(text(n.vpcId()));
    n.subnets().forEach(s -> subnets.add(new SubnetInput(s.id(), s.availabilityZone())));
    publicIp.set(n.assignPublicIp());
    ingressCidr.set(text(n.ingressCidr()));
    fields("network.vpcId", "network.subnets", "network.ingressCidr");
    watch(defaultVpc, vpcId, subnets, publicIp, ingressCidr);
    update();
  }

  public BooleanProperty defaultVpc() {
    return defaultVpc;
  }

  public StringProperty vpcId() {
    return vpcId;
  }

  public ObservableList<SubnetInput> subnets() {
    return subnets;
  }

  public BooleanProperty publicIp() {
    return publicIp;
  }

  public StringProperty ingressCidr() {
    return ingressCidr;
  }

  public void addSubnet() {
    subnets.add(new SubnetInput("", ""));
  }

  /** The spec field of the subnet in row {@code index}, whose problems are shown by that row. */
  public static String subnetField(int index) {
    return "network.subnets[" + index + "]";
  }

  public int productionPort() {
    return spec().loadBalancer().productionPort();
  }

  public int testPort() {
    return spec().loadBalancer().testPort();
  }

  public int containerPort() {
    return spec().container().port();
  }

  @Override
  protected SetupSpec apply(SetupSpec base, List<Problem> inputProblems) {
    registerSubnetRows();
    List<SubnetRef> refs = subnets.stream()
        .map(row -> new SubnetRef(row.id().get(), optional(row.zone())))
        .toList();
    String vpc = defaultVpc.get() ? null : optional(vpcId);
    if (!defaultVpc.get() && vpc == null) {
      inputProblems.add(Problem.of("network.vpcId", null, "missing"));
    }
    return base.withNetwork(new Network(vpc, refs, publicIp.get(), ingressCidr.get()));
  }

  /** Each row shows its own problems; rows come and go, so they are registered before every check. */
  private void registerSubnetRows() {
    for (int i = 0; i < subnets.size(); i++) {
      fields(subnetField(i));
    }
  }
}
