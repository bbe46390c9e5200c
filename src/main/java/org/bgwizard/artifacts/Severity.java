package org.bgwizard.artifacts;

/** How bad a preflight finding is: ERROR fails for sure, WARNING is likely to fail or unsafe, INFO is advice. */
public enum Severity { ERROR, WARNING, INFO }
