package org.nvmeworkbench.ui.plugin;

/**
 * A provider that could not be used.
 *
 * @param extensionPoint the interface's simple name, e.g. ViewContribution
 * @param provider       the class or id that failed, as far as it is known
 * @param why            one sentence
 */
public record PluginProblem(String extensionPoint, String provider, String why) {
}
