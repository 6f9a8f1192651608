package dev.eventletscan.detect.python;

/**
 * One name an import statement binds.
 *
 * @param localName the name bound in the importing scope ({@code gt} in {@code from eventlet import greenthread as gt})
 * @param target the dotted module or symbol it stands for ({@code eventlet.greenthread})
 * @param imported the dotted name as written in the statement, which the import finding reports
 *     ({@code eventlet.green.socket} for {@code import eventlet.green.socket}, whose local name is {@code eventlet})
 * @param node the node to report the import at (the imported name)
 * @param scope the scope node the binding belongs to
 */
record ImportBinding(String localName, String target, String imported, int node, int scope) {}
