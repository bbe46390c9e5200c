package org.bgwizard.provision;

/** AWS's side of an error: code, message and request id; code and request id are null when unknown. */
public record ErrorDetails(String code, String message, String requestId) {}
