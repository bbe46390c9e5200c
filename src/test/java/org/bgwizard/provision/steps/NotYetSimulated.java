package org.bgwizard.provision.steps;

import java.lang.reflect.Proxy;
import software.amazon.awssdk.services.codebuild.model.BatchGetProjectsResponse;
import software.amazon.awssdk.services.codedeploy.model.ApplicationDoesNotExistException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentGroupDoesNotExistException;
import software.amazon.awssdk.services.codepipeline.model.PipelineNotFoundException;

/** TEMPORARY until sb-deploy and sb-pipeline are merged: lookups find nothing, everything else is unsupported. */
final class NotYetSimulated {
  private NotYetSimulated() {}

  static Object client(Class<?> type) {
    return Proxy.newProxyInstance(NotYetSimulated.class.getClassLoader(), new Class<?>[] {type}, (p, m, a) -> {
      switch (m.getName()) {
        case "getApplication" -> throw ApplicationDoesNotExistException.builder().message("no app").build();
        case "getDeploymentGroup" -> throw DeploymentGroupDoesNotExistException.builder().message("no group").build();
        case "batchGetProjects" -> {
          return BatchGetProjectsResponse.builder().build();
        }
        case "getPipeline" -> throw PipelineNotFoundException.builder().message("no pipeline").build();
        case "close" -> {
          return null;
        }
        default -> throw new UnsupportedOperationException(type.getSimpleName() + "." + m.getName());
      }
    });
  }
}
