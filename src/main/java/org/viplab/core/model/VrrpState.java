package org.viplab.core.model;

/** keepalived's VRRP instance states, plus STOPPED for an instance whose process is gone. */
public enum VrrpState { INIT, BACKUP, MASTER, FAULT, STOPPED }
