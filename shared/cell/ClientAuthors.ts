/**
 * Who wrote a struct of one content document: the verified author (signPk hex) of a Yjs
 * clientID, or undefined when no author is known for it. The sync engine answers from its clientID
 * claims (CellSync.clientAuthors): every struct it applied was checked to carry a clientID derived
 * from the key that signed it (PROTOCOL §7), so this names who really wrote a value, whatever a
 * field inside the value says.
 */
export type ClientAuthors = (clientId: number) => string | undefined;
