/** Where plugins come from: the user's workbench home and the jars of its plugin folder. */
package org.nvmeworkbench.core.plugin;
