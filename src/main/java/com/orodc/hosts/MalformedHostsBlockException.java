package com.orodc.hosts;

import com.orodc.core.ExitCode;
import com.orodc.core.OrodcException;

/** The markers in a hosts file do not form one block: orodc does not guess which lines are its own. */
public class MalformedHostsBlockException extends OrodcException {
    public MalformedHostsBlockException(String message) {
        super(ExitCode.FAILURE, message);
    }
}
