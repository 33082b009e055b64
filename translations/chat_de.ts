<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>chat::AboutDialog</name>
    <message>
        <source>none (plain protocol)</source>
        <translation>keine (einfaches Protokoll)</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Chat %1&lt;/h3&gt;&lt;p&gt;A realtime room chat with a shared drawing board: a native desktop client for the socket_chat protocol. It works with this project's server and with the original Python server.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Server:&lt;/b&gt; %2&lt;br&gt;&lt;b&gt;Protocol extensions:&lt;/b&gt; %3&lt;br&gt;&lt;b&gt;Qt:&lt;/b&gt; %4&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Chat %1&lt;/h3&gt;&lt;p&gt;Ein Echtzeit-Raum-Chat mit gemeinsamem Zeichenbrett: ein nativer Desktop-Client für das socket_chat-Protokoll. Er funktioniert mit dem Server dieses Projekts und mit dem ursprünglichen Python-Server.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Server:&lt;/b&gt; %2&lt;br&gt;&lt;b&gt;Protokollerweiterungen:&lt;/b&gt; %3&lt;br&gt;&lt;b&gt;Qt:&lt;/b&gt; %4&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About Chat</source>
        <translation>Über Chat</translation>
    </message>
    <message>
        <source>Chat logo</source>
        <translation>Chat-Logo</translation>
    </message>
</context>
<context>
    <name>chat::BoardView</name>
    <message>
        <source>Drawing board</source>
        <translation>Zeichenbrett</translation>
    </message>
    <message>
        <source>Drawing area</source>
        <translation>Zeichenfläche</translation>
    </message>
    <message>
        <source>Draw with the mouse or a pen; the tools are beside it</source>
        <translation>Mit der Maus oder einem Stift zeichnen; die Werkzeuge sind daneben</translation>
    </message>
</context>
<context>
    <name>chat::ColorPalettePopup</name>
    <message>
        <source>Room colour palette</source>
        <translation>Farbpalette des Raums</translation>
    </message>
</context>
<context>
    <name>chat::ColourNames</name>
    <message>
        <source>Black</source>
        <translation>Schwarz</translation>
    </message>
    <message>
        <source>Dark red</source>
        <translation>Dunkelrot</translation>
    </message>
    <message>
        <source>Red</source>
        <translation>Rot</translation>
    </message>
    <message>
        <source>Very dark grey</source>
        <translation>Sehr dunkles Grau</translation>
    </message>
    <message>
        <source>Brown</source>
        <translation>Braun</translation>
    </message>
    <message>
        <source>Orange</source>
        <translation>Orange</translation>
    </message>
    <message>
        <source>Dark grey</source>
        <translation>Dunkelgrau</translation>
    </message>
    <message>
        <source>Olive</source>
        <translation>Oliv</translation>
    </message>
    <message>
        <source>Yellow</source>
        <translation>Gelb</translation>
    </message>
    <message>
        <source>Grey</source>
        <translation>Grau</translation>
    </message>
    <message>
        <source>Mint green</source>
        <translation>Mintgrün</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>Grün</translation>
    </message>
    <message>
        <source>Light grey</source>
        <translation>Hellgrau</translation>
    </message>
    <message>
        <source>Light blue</source>
        <translation>Hellblau</translation>
    </message>
    <message>
        <source>Blue</source>
        <translation>Blau</translation>
    </message>
    <message>
        <source>White</source>
        <translation>Weiß</translation>
    </message>
    <message>
        <source>Pink</source>
        <translation>Rosa</translation>
    </message>
    <message>
        <source>Purple</source>
        <translation>Lila</translation>
    </message>
    <message>
        <source>Peach</source>
        <translation>Pfirsich</translation>
    </message>
    <message>
        <source>Dark blue</source>
        <translation>Dunkelblau</translation>
    </message>
</context>
<context>
    <name>chat::CommandLine</name>
    <message>
        <source>Realtime room chat with a shared drawing board.</source>
        <translation>Echtzeit-Raum-Chat mit gemeinsamem Zeichenbrett.</translation>
    </message>
    <message>
        <source>The server to connect to (ws:// or wss://).</source>
        <translation>Der Server, mit dem verbunden wird (ws:// oder wss://).</translation>
    </message>
    <message>
        <source>The language: en, uk or de.</source>
        <translation>Die Sprache: en, uk oder de.</translation>
    </message>
    <message>
        <source>Enter this room after connecting.</source>
        <translation>Diesen Raum nach dem Verbinden betreten.</translation>
    </message>
    <message>
        <source>A room link (socketchat://room/…).</source>
        <translation>Ein Raumlink (socketchat://room/…).</translation>
    </message>
</context>
<context>
    <name>chat::DrawingPanel</name>
    <message>
        <source>Eraser</source>
        <translation>Radierer</translation>
    </message>
    <message>
        <source>Eraser (E)</source>
        <translation>Radierer (E)</translation>
    </message>
    <message>
        <source>Pen</source>
        <translation>Stift</translation>
    </message>
    <message>
        <source>Pen (P)</source>
        <translation>Stift (P)</translation>
    </message>
    <message>
        <source>Clear the board for everyone</source>
        <translation>Brett für alle leeren</translation>
    </message>
    <message>
        <source>Export as PNG</source>
        <translation>Als PNG exportieren</translation>
    </message>
    <message>
        <source>Export the board as a PNG image</source>
        <translation>Das Brett als PNG-Bild exportieren</translation>
    </message>
    <message>
        <source>Clear the board</source>
        <translation>Brett leeren</translation>
    </message>
    <message>
        <source>Clear the drawing for everyone in this room?</source>
        <translation>Die Zeichnung für alle in diesem Raum löschen?</translation>
    </message>
    <message>
        <source>Export drawing</source>
        <translation>Zeichnung exportieren</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>%1 konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Frage</translation>
    </message>
</context>
<context>
    <name>chat::EventLogModel</name>
    <message>
        <source>sent</source>
        <translation>gesendet</translation>
    </message>
    <message>
        <source>received</source>
        <translation>empfangen</translation>
    </message>
    <message>
        <source>local</source>
        <translation>lokal</translation>
    </message>
    <message numerus="yes">
        <source>%n earlier update(s) not logged</source>
        <translation><numerusform>%n frühere Aktualisierung nicht protokolliert</numerusform><numerusform>%n frühere Aktualisierungen nicht protokolliert</numerusform></translation>
    </message>
</context>
<context>
    <name>chat::EventLogPanel</name>
    <message>
        <source>Event log</source>
        <translation>Ereignisprotokoll</translation>
    </message>
    <message>
        <source>Copy log entries</source>
        <translation>Protokolleinträge kopieren</translation>
    </message>
    <message>
        <source>Copy the selected entries (or the whole log)</source>
        <translation>Die ausgewählten Einträge (oder das ganze Protokoll) kopieren</translation>
    </message>
    <message>
        <source>Save log</source>
        <translation>Protokoll speichern</translation>
    </message>
    <message>
        <source>Save the whole log to a file</source>
        <translation>Das ganze Protokoll in eine Datei speichern</translation>
    </message>
    <message>
        <source>Save event log</source>
        <translation>Ereignisprotokoll speichern</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>Textdateien (*.txt)</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Log entry: %1</source>
        <translation>Protokolleintrag: %1</translation>
    </message>
    <message>
        <source>Statement JSON</source>
        <translation>JSON der Nachricht</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>The statements sent and received (of live strokes and typing, the first and last of each, with a count). Enter or double click shows the JSON.</source>
        <translation>Die gesendeten und empfangenen Nachrichten (bei Live-Strichen und Tippen jeweils die erste und letzte, mit Anzahl). Eingabetaste oder Doppelklick zeigt das JSON.</translation>
    </message>
</context>
<context>
    <name>chat::HeaderWidget</name>
    <message>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <source>About Chat</source>
        <translation>Über Chat</translation>
    </message>
    <message>
        <source>About Chat (F1)</source>
        <translation>Über Chat (F1)</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Settings (Ctrl+,)</source>
        <translation>Einstellungen (Strg+,)</translation>
    </message>
    <message>
        <source>Connection state</source>
        <translation>Verbindungsstatus</translation>
    </message>
    <message>
        <source>Logged as:</source>
        <translation>Angemeldet als:</translation>
    </message>
    <message>
        <source>Your user name</source>
        <translation>Ihr Benutzername</translation>
    </message>
    <message>
        <source>Your user name: edit it and press Enter</source>
        <translation>Ihr Benutzername: ändern und Eingabetaste drücken</translation>
    </message>
    <message>
        <source>● Connected to %1</source>
        <translation>● Verbunden mit %1</translation>
    </message>
    <message>
        <source>◌ Connecting to %1…</source>
        <translation>◌ Verbindung mit %1 wird hergestellt…</translation>
    </message>
    <message>
        <source>○ Disconnected: reconnecting…</source>
        <translation>○ Getrennt: Verbindung wird wiederhergestellt…</translation>
    </message>
    <message>
        <source>○ Disconnected</source>
        <translation>○ Getrennt</translation>
    </message>
</context>
<context>
    <name>chat::LeftPanel</name>
    <message>
        <source>Event Log:</source>
        <translation>Protokoll:</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suche</translation>
    </message>
    <message>
        <source>Search rooms</source>
        <translation>Räume suchen</translation>
    </message>
    <message>
        <source>Create room</source>
        <translation>Raum erstellen</translation>
    </message>
    <message>
        <source>Create a room (Ctrl+N)</source>
        <translation>Einen Raum erstellen (Strg+N)</translation>
    </message>
    <message>
        <source>Show the room list (Ctrl+Shift+L)</source>
        <translation>Raumliste anzeigen (Strg+Umschalt+L)</translation>
    </message>
    <message>
        <source>Show the event log (Ctrl+Shift+L)</source>
        <translation>Ereignisprotokoll anzeigen (Strg+Umschalt+L)</translation>
    </message>
    <message>
        <source>Show room list</source>
        <translation>Raumliste anzeigen</translation>
    </message>
    <message>
        <source>Show event log</source>
        <translation>Ereignisprotokoll anzeigen</translation>
    </message>
</context>
<context>
    <name>chat::LobbyPage</name>
    <message>
        <source>Select Room</source>
        <translation>Raum wählen</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suche</translation>
    </message>
    <message>
        <source>Search rooms</source>
        <translation>Räume suchen</translation>
    </message>
    <message>
        <source>Filter the rooms by name (Ctrl+F)</source>
        <translation>Räume nach Namen filtern (Strg+F)</translation>
    </message>
    <message>
        <source>Create room</source>
        <translation>Raum erstellen</translation>
    </message>
    <message>
        <source>Create a room (Ctrl+N)</source>
        <translation>Einen Raum erstellen (Strg+N)</translation>
    </message>
    <message>
        <source>No rooms yet. Create one with +.</source>
        <translation>Noch keine Räume. Erstellen Sie einen mit +.</translation>
    </message>
    <message>
        <source>No room matches "%1".</source>
        <translation>Kein Raum passt zu „%1“.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbindung wird hergestellt…</translation>
    </message>
</context>
<context>
    <name>chat::MainWindow</name>
    <message>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <source>New room</source>
        <translation>Neuer Raum</translation>
    </message>
    <message>
        <source>Search rooms</source>
        <translation>Räume suchen</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Über</translation>
    </message>
    <message>
        <source>Edit user name</source>
        <translation>Benutzernamen bearbeiten</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Link copied: %1</source>
        <translation>Link kopiert: %1</translation>
    </message>
    <message>
        <source>(%1) Chat</source>
        <translation>(%1) Chat</translation>
    </message>
    <message>
        <source>That room link is not valid.</source>
        <translation>Dieser Raum-Link ist ungültig.</translation>
    </message>
    <message>
        <source>That room no longer exists.</source>
        <translation>Diesen Raum gibt es nicht mehr.</translation>
    </message>
    <message>
        <source>Open a room on another server</source>
        <translation>Raum auf einem anderen Server öffnen</translation>
    </message>
    <message>
        <source>This link opens a room on another server:
%1

Leave %2 and connect to that server?</source>
        <translation>Dieser Link öffnet einen Raum auf einem anderen Server:
%1

%2 verlassen und mit diesem Server verbinden?</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Frage</translation>
    </message>
</context>
<context>
    <name>chat::MessageEdit</name>
    <message>
        <source>Write a message...</source>
        <translation>Nachricht schreiben...</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>Enter sends, Shift+Enter adds a line</source>
        <translation>Eingabetaste sendet, Umschalt+Eingabetaste fügt eine Zeile hinzu</translation>
    </message>
</context>
<context>
    <name>chat::MessageListModel</name>
    <message>
        <source>%1 at %2: %3</source>
        <translation>%1, %2: %3</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Gestern</translation>
    </message>
</context>
<context>
    <name>chat::MessagesPanel</name>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>No messages yet</source>
        <translation>Noch keine Nachrichten</translation>
    </message>
    <message>
        <source>Jump to new messages</source>
        <translation>Zu den neuen Nachrichten springen</translation>
    </message>
    <message>
        <source>Send message</source>
        <translation>Nachricht senden</translation>
    </message>
    <message>
        <source>Send (Enter)</source>
        <translation>Senden (Eingabetaste)</translation>
    </message>
    <message numerus="yes">
        <source>%n new message(s)</source>
        <translation><numerusform>%n neue Nachricht</numerusform><numerusform>%n neue Nachrichten</numerusform></translation>
    </message>
    <message>
        <source>Loading older messages…</source>
        <translation>Ältere Nachrichten werden geladen…</translation>
    </message>
    <message>
        <source>Message history</source>
        <translation>Nachrichtenverlauf</translation>
    </message>
    <message>
        <source>Empty room</source>
        <translation>Leerer Raum</translation>
    </message>
    <message>
        <source>Find in this room</source>
        <translation>In diesem Raum suchen</translation>
    </message>
    <message>
        <source>Previous match (Enter)</source>
        <translation>Vorheriger Treffer (Eingabetaste)</translation>
    </message>
    <message>
        <source>Next match (Shift+Enter)</source>
        <translation>Nächster Treffer (Umschalt+Eingabetaste)</translation>
    </message>
    <message>
        <source>Close find (Escape)</source>
        <translation>Suche schließen (Esc)</translation>
    </message>
    <message>
        <source>Searching older messages…</source>
        <translation>Ältere Nachrichten werden durchsucht …</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Keine Treffer</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation>Text kopieren</translation>
    </message>
    <message>
        <source>Open link</source>
        <translation>Link öffnen</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Link kopieren</translation>
    </message>
    <message>
        <source>Copy selected text</source>
        <translation>Markierten Text kopieren</translation>
    </message>
</context>
<context>
    <name>chat::NoticeBar</name>
    <message>
        <source>Notice</source>
        <translation>Hinweis</translation>
    </message>
</context>
<context>
    <name>chat::Notifier</name>
    <message>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <source>New message from %1</source>
        <translation>Neue Nachricht von %1</translation>
    </message>
    <message numerus="yes">
        <source>Chat: %n unread message(s)</source>
        <translation><numerusform>Chat: %n ungelesene Nachricht</numerusform><numerusform>Chat: %n ungelesene Nachrichten</numerusform></translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 in %2</translation>
    </message>
    <message>
        <source>Open the room</source>
        <translation>Raum öffnen</translation>
    </message>
</context>
<context>
    <name>chat::ProtocolClient</name>
    <message>
        <source>connection problem</source>
        <translation>Verbindungsproblem</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>Verbindungsaufbau</translation>
    </message>
    <message>
        <source>A room name cannot be empty.</source>
        <translation>Ein Raumname darf nicht leer sein.</translation>
    </message>
    <message>
        <source>A user name cannot be empty.</source>
        <translation>Ein Benutzername darf nicht leer sein.</translation>
    </message>
    <message>
        <source>Not connected: your new name will be sent when the connection is back.</source>
        <translation>Nicht verbunden: Ihr neuer Name wird gesendet, sobald die Verbindung wieder steht.</translation>
    </message>
    <message>
        <source>Enter a room before writing.</source>
        <translation>Betreten Sie zuerst einen Raum.</translation>
    </message>
    <message>
        <source>Not connected to the server: the action was not sent. Reconnecting…</source>
        <translation>Nicht mit dem Server verbunden: Die Aktion wurde nicht gesendet. Verbindung wird wiederhergestellt…</translation>
    </message>
    <message>
        <source>That is too long to send (the limit is %L1 characters).</source>
        <translation>Das ist zu lang zum Senden (die Grenze liegt bei %L1 Zeichen).</translation>
    </message>
    <message>
        <source>Sending failed: the connection is not open.</source>
        <translation>Senden fehlgeschlagen: Die Verbindung ist nicht offen.</translation>
    </message>
    <message>
        <source>opened WS</source>
        <translation>WS geöffnet</translation>
    </message>
    <message>
        <source>closed WS</source>
        <translation>WS geschlossen</translation>
    </message>
    <message>
        <source>The server rejected the last request (%1) and closed the connection.</source>
        <translation>Der Server hat die letzte Anfrage (%1) abgelehnt und die Verbindung geschlossen.</translation>
    </message>
    <message>
        <source>connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>not a statement</source>
        <translation>keine Protokollnachricht</translation>
    </message>
    <message>
        <source>The server did not accept the last request (%1).</source>
        <translation>Der Server hat die letzte Anfrage (%1) nicht angenommen.</translation>
    </message>
    <message>
        <source>That room no longer exists.</source>
        <translation>Diesen Raum gibt es nicht mehr.</translation>
    </message>
    <message>
        <source>This room still has people inside, so it cannot be deleted.</source>
        <translation>In diesem Raum sind noch Leute, deshalb kann er nicht gelöscht werden.</translation>
    </message>
    <message>
        <source>You are not in a room, so that was not done.</source>
        <translation>Sie sind in keinem Raum, deshalb wurde das nicht ausgeführt.</translation>
    </message>
    <message>
        <source>The server refused that colour.</source>
        <translation>Der Server hat diese Farbe abgelehnt.</translation>
    </message>
    <message>
        <source>The server could not complete the last request; nothing was changed.</source>
        <translation>Der Server konnte die letzte Anfrage nicht ausführen; nichts wurde geändert.</translation>
    </message>
    <message>
        <source>The room you were in no longer exists.</source>
        <translation>Den Raum, in dem Sie waren, gibt es nicht mehr.</translation>
    </message>
    <message>
        <source>The room "%1" was deleted.</source>
        <translation>Der Raum „%1“ wurde gelöscht.</translation>
    </message>
    <message>
        <source>Connected again.</source>
        <translation>Wieder verbunden.</translation>
    </message>
    <message>
        <source>The connection to the server was lost. Reconnecting…</source>
        <translation>Die Verbindung zum Server wurde unterbrochen. Verbindung wird wiederhergestellt…</translation>
    </message>
    <message>
        <source>The server is restarting. Reconnecting…</source>
        <translation>Der Server wird neu gestartet. Verbindung wird wiederhergestellt…</translation>
    </message>
</context>
<context>
    <name>chat::RoomCardDelegate</name>
    <message>
        <source>Room name</source>
        <translation>Raumname</translation>
    </message>
</context>
<context>
    <name>chat::RoomListModel</name>
    <message numerus="yes">
        <source>%1: %n message(s)</source>
        <translation><numerusform>%1: %n Nachricht</numerusform><numerusform>%1: %n Nachrichten</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n message(s)</source>
        <translation><numerusform>%n Nachricht</numerusform><numerusform>%n Nachrichten</numerusform></translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message numerus="yes">
        <source>%n user(s)</source>
        <translation><numerusform>%n Benutzer</numerusform><numerusform>%n Benutzer</numerusform></translation>
    </message>
    <message>
        <source>colour: %1</source>
        <translation>Farbe: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation><numerusform>%n ungelesen</numerusform><numerusform>%n ungelesen</numerusform></translation>
    </message>
    <message>
        <source>Inside: %1</source>
        <translation>Im Raum: %1</translation>
    </message>
    <message>
        <source>inside: %1</source>
        <translation>im Raum: %1</translation>
    </message>
</context>
<context>
    <name>chat::RoomListView</name>
    <message>
        <source>Rooms</source>
        <translation>Räume</translation>
    </message>
    <message>
        <source>Room list</source>
        <translation>Raumliste</translation>
    </message>
    <message>
        <source>Click or Enter: enter the room. F2: rename. Delete: delete. Menu key: more.</source>
        <translation>Klick oder Eingabetaste: Raum betreten. F2: umbenennen. Entf: löschen. Menütaste: mehr.</translation>
    </message>
    <message>
        <source>&amp;Enter room</source>
        <translation>Raum &amp;betreten</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>&amp;Umbenennen</translation>
    </message>
    <message>
        <source>Change &amp;colour…</source>
        <translation>&amp;Farbe ändern…</translation>
    </message>
    <message>
        <source>Copy &amp;link</source>
        <translation>&amp;Link kopieren</translation>
    </message>
    <message>
        <source>&amp;Delete room</source>
        <translation>Raum &amp;löschen</translation>
    </message>
</context>
<context>
    <name>chat::RoomPage</name>
    <message>
        <source>Leave the room</source>
        <translation>Raum verlassen</translation>
    </message>
    <message>
        <source>Back to the room list (Ctrl+W)</source>
        <translation>Zurück zur Raumliste (Strg+W)</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>Messages (Ctrl+1)</source>
        <translation>Nachrichten (Strg+1)</translation>
    </message>
    <message>
        <source>Drawing</source>
        <translation>Zeichnung</translation>
    </message>
    <message>
        <source>Drawing (Ctrl+2)</source>
        <translation>Zeichnung (Strg+2)</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Users (Ctrl+3)</source>
        <translation>Benutzer (Strg+3)</translation>
    </message>
    <message>
        <source>Room:</source>
        <translation>Raum:</translation>
    </message>
    <message>
        <source>Room name</source>
        <translation>Raumname</translation>
    </message>
    <message>
        <source>The room's name: edit it and press Enter</source>
        <translation>Der Name des Raums: ändern und Eingabetaste drücken</translation>
    </message>
    <message>
        <source>Copy a link to this room</source>
        <translation>Einen Link zu diesem Raum kopieren</translation>
    </message>
    <message>
        <source>Copy a link that opens this room (chat-client LINK)</source>
        <translation>Einen Link kopieren, der diesen Raum öffnet (chat-client LINK)</translation>
    </message>
</context>
<context>
    <name>chat::SettingsDialog</name>
    <message>
        <source>&amp;This computer (%1)</source>
        <translation>&amp;Dieser Computer (%1)</translation>
    </message>
    <message>
        <source>&amp;Public server (%1)</source>
        <translation>Ö&amp;ffentlicher Server (%1)</translation>
    </message>
    <message>
        <source>&amp;Other server:</source>
        <translation>&amp;Anderer Server:</translation>
    </message>
    <message>
        <source>Play a &amp;sound for new messages</source>
        <translation>Bei neuen Nachrichten einen &amp;Ton abspielen</translation>
    </message>
    <message>
        <source>Show a desktop &amp;notification when the window is not active</source>
        <translation>Eine Desktop-&amp;Benachrichtigung zeigen, wenn das Fenster nicht aktiv ist</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>ws://host:port or wss://host/path</source>
        <translation>ws://Host:Port oder wss://Host/Pfad</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Serveradresse</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>The server address must start with ws:// or wss:// and name a host.</source>
        <translation>Die Serveradresse muss mit ws:// oder wss:// beginnen und einen Host nennen.</translation>
    </message>
    <message>
        <source>Notify only when I am &amp;mentioned</source>
        <translation>Nur benachrichtigen, wenn ich &amp;erwähnt werde</translation>
    </message>
</context>
<context>
    <name>chat::ThemeSlider</name>
    <message>
        <source>Theme</source>
        <translation>Design</translation>
    </message>
</context>
<context>
    <name>chat::TypingLabel</name>
    <message>
        <source>%1 is typing…</source>
        <translation>%1 schreibt …</translation>
    </message>
    <message>
        <source>%1 and %2 are typing…</source>
        <translation>%1 und %2 schreiben …</translation>
    </message>
    <message numerus="yes">
        <source>%1, %2 and %n other(s) are typing…</source>
        <translation><numerusform>%1, %2 und %n weitere Person schreiben …</numerusform><numerusform>%1, %2 und %n weitere Personen schreiben …</numerusform></translation>
    </message>
</context>
<context>
    <name>chat::UserCardDelegate</name>
    <message>
        <source>%1 (you)</source>
        <translation>%1 (Sie)</translation>
    </message>
</context>
<context>
    <name>chat::UserListModel</name>
    <message>
        <source>%1 (you)</source>
        <translation>%1 (Sie)</translation>
    </message>
</context>
<context>
    <name>chat::UsersPanel</name>
    <message>
        <source>Users in this room</source>
        <translation>Benutzer in diesem Raum</translation>
    </message>
</context>
</TS>
