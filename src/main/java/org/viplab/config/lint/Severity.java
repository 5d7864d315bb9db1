package org.viplab.config.lint;

/** How bad a finding is. An ERROR means the configuration will not do what it is meant to (lint exits 1). */
public enum Severity {
    ERROR, WARNING, INFO;

    public String id() { return name().toLowerCase(); }
}
