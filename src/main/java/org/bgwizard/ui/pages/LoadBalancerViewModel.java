package org.bgwizard.ui.pages;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.bgwizard.setup.Container;
import org.bgwizard.setup.LoadBalancer;
import org.bgwizard.setup.LoadBalancer.HealthCheck;
import org.bgwizard.setup.Problem;
import org.bgwizard.setup.SetupSpec;

/** The load balancer, its two listeners, the target group pair and their health check. */
public final class LoadBalancerViewModel extends PageModel {
  private static final String HC = "loadBalancer.healthCheck.";

  private final BooleanProperty existing = new SimpleBooleanProperty(this, "existing");
  private final StringProperty name = new SimpleStringProperty(this, "name");
  private final StringProperty arn = new SimpleStringProperty(this, "arn");
  private final StringProperty productionPort = new SimpleStringProperty(this, "productionPort");
  private final StringProperty testPort = new SimpleStringProperty(this, "testPort");
  private final StringProperty targetGroup1 = new SimpleStringProperty(this, "targetGroup1");
  private final StringProperty targetGroup2 = new SimpleStringProperty(this, "targetGroup2");
  private final StringProperty healthCheckPath = new SimpleStringProperty(this, "healthCheckPath");
  private final StringProperty interval = new SimpleStringProperty(this, "interval");
  private final StringProperty timeout = new SimpleStringProperty(this, "timeout");
  private final StringProperty healthyThreshold = new SimpleStringProperty(this, "healthyThreshold");
  private final StringProperty unhealthyThreshold = new SimpleStringProperty(this, "unhealthyThreshold");
  private final StringProperty successCodes = new SimpleStringProperty(this, "successCodes");
  private final StringProperty deregistrationDelay = new SimpleStringProperty(this, "deregistrationDelay");

  public LoadBalancerViewModel(ObjectProperty<SetupSpec> spec, Locale locale) {
    super(spec, locale);
    var lb = spec.get().loadBalancer();
    var hc = lb.healthCheck();
    existing.set(lb.isExisting());
    name.set(text(lb.name()));
    arn.set(text(lb.existingArn()));
    productionPort.set(text(lb.productionPort()));
    testPort.set(text(lb.testPort()));
    targetGroup1.set(text(lb.targetGroup1()));
    targetGroup2.set(text(lb.targetGroup2()));
    healthCheckPath.set(text(spec.get().container().healthCheckPath()));
    interval.set(text(hc.intervalSeconds()));
    timeout.set(text(hc.timeoutSeconds()));
    healthyThreshold.set(text(hc.healthyThreshold()));
    unhealthyThreshold.set(text(hc.unhealthyThreshold()));
    successCodes.set(text(hc.successCodes()));
    deregistrationDelay.set(text(lb.deregistrationDelaySeconds()));
    fields("loadBalancer.existingArn", "loadBalancer.name", "loadBalancer.productionPort", "loadBalancer.testPort",
        "loadBalancer.targetGroup1", "loadBalancer.targetGroup2", "container.healthCheckPath", HC + "intervalSeconds",
        HC + "timeoutSeconds", HC + "healthyThreshold", HC + "unhealthyThreshold", HC + "successCodes",
        "loadBalancer.deregistrationDelaySeconds");
    watch(existing, name, arn, productionPort, testPort, targetGroup1, targetGroup2, healthCheckPath, interval,
        timeout, healthyThreshold, unhealthyThreshold, successCodes, deregistrationDelay);
    update();
  }

  /** The user brings the load balancer (by ARN); the wizard adds listeners and target groups to it. */
  public BooleanProperty existing() {
    return existing;
  }

  public StringProperty name() {
    return name;
  }

  public StringProperty arn() {
    return arn;
  }

  public StringProperty productionPort() {
    return productionPort;
  }

  public StringProperty testPort() {
    return testPort;
  }

  public StringProperty targetGroup1() {
    return targetGroup1;
  }

  public StringProperty targetGroup2() {
    return targetGroup2;
  }

  public StringProperty healthCheckPath() {
    return healthCheckPath;
  }

  public StringProperty interval() {
    return interval;
  }

  public StringProperty timeout() {
    return timeout;
  }

  public StringProperty healthyThreshold() {
    return healthyThreshold;
  }

  public StringProperty unhealthyThreshold() {
    return unhealthyThreshold;
  }

  public StringProperty successCodes() {
    return successCodes;
  }

  public StringProperty deregistrationDelay() {
    return deregistrationDelay;
  }

  public int containerPort() {
    return spec().container().port();
  }

  @Override
  protected SetupSpec apply(SetupSpec base, List<Problem> found) {
    var lb = base.loadBalancer();
    var hc = lb.healthCheck();
    String existingArn = existing.get() ? optional(arn) : null;
    if (existing.get() && existingArn == null) {
      found.add(Problem.of("loadBalancer.existingArn", null, "missing"));
    }
    var check = new HealthCheck(number(interval, hc.intervalSeconds(), HC + "intervalSeconds", found),
        number(timeout, hc.timeoutSeconds(), HC + "timeoutSeconds", found),
        number(healthyThreshold, hc.healthyThreshold(), HC + "healthyThreshold", found),
        number(unhealthyThreshold, hc.unhealthyThreshold(), HC + "unhealthyThreshold", found),
        successCodes.get());
    var c = base.container();
    return base
        .withLoadBalancer(new LoadBalancer(existingArn, name.get(),
            number(productionPort, lb.productionPort(), "loadBalancer.productionPort", found),
            number(testPort, lb.testPort(), "loadBalancer.testPort", found), targetGroup1.get(), targetGroup2.get(),
            check, number(deregistrationDelay, lb.deregistrationDelaySeconds(),
                "loadBalancer.deregistrationDelaySeconds", found)))
        .withContainer(new Container(c.name(), c.port(), c.cpu(), c.memory(), c.architecture(), c.environment(),
            healthCheckPath.get(), c.initialImage()));
  }
}
