package org.bgwizard.aws;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Notes which service and operation a failed call was, so an error report can name them: AWS's exceptions
 * carry the error code but not the operation. The note rides along as a suppressed {@link CallSite}, which
 * leaves the exception's type, message and handling unchanged.
 */
final class CallSiteInterceptor implements ExecutionInterceptor {

  @Override
  public Throwable modifyException(Context.FailedExecution context, ExecutionAttributes attributes) {
    Throwable e = context.exception();
    e.addSuppressed(new CallSite(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME),
        attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME)));
    return e;
  }

  /** Only a note: no stack trace, never thrown. */
  static final class CallSite extends RuntimeException {
    final String service;
    final String operation;

    CallSite(String service, String operation) {
      super(service + "." + operation, null, false, false);
      this.service = service;
      this.operation = operation;
    }
  }
}
