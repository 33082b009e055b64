<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>chat::AboutDialog</name>
    <message>
        <source>none (plain protocol)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Chat %1&lt;/h3&gt;&lt;p&gt;A realtime room chat with a shared drawing board: a native desktop client for the socket_chat protocol. It works with this project&apos;s server and with the original Python server.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Server:&lt;/b&gt; %2&lt;br&gt;&lt;b&gt;Protocol extensions:&lt;/b&gt; %3&lt;br&gt;&lt;b&gt;Qt:&lt;/b&gt; %4&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chat logo</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chat::BoardView</name>
    <message>
        <source>Drawing board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drawing area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw with the mouse or a pen; the tools are beside it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chat::ColorPalettePopup</name>
    <message>
        <source>Room colour palette</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chat::ColourNames</name>
    <message>
        <source>Black</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark red</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Red</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Very dark grey</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orange</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark grey</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Olive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yellow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grey</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mint green</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Green</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light grey</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light blue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>White</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pink</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purple</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark blue</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chat::CommandLine</name>
    <message>
        <source>Realtime room chat with a shared drawing board.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server to connect to (ws:// or wss://).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The language: en, uk or de.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter this room after connecting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A room link (socketchat://room/…).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chat::DrawingPanel</name>
    <message>
        <source>Eraser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eraser (E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pen (P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the board for everyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export as PNG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the board as a PNG image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the drawing for everyone in this room?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export drawing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chat::EventLogModel</name>
    <message>
        <source>sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>local</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n earlier update(s) not logged</source>
        <translation>
            <numerusform>%n earlier update not logged</numerusform>
            <numerusform>%n earlier updates not logged</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>chat::EventLogPanel</name>
    <message>
        <source>Event log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy log entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the selected entries (or the whole log)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the whole log to a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save event log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log entry: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statement JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The statements sent and received (of live strokes and typing, the first and last of each, with a count). Enter or double click shows the JSON.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chat::HeaderWidget</name>
    <message>
        <source>Chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Chat (F1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings (Ctrl+,)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logged as:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your user name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your user name: edit it and press Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>● Connected to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>◌ Connecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>○ Disconnected: reconnecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>○ Disconnected</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chat::LeftPanel</name>
    <message>
        <source>Event Log:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search rooms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a room (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the room list (Ctrl+Shift+L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the event log (Ctrl+Shift+L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show room list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show event log</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chat::LobbyPage</name>
    <message>
        <source>Select Room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search rooms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter the rooms by name (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a room (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No rooms yet. Create one with +.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No room matches &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chat::MainWindow</name>
    <message>
        <source>Chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search rooms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit user name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link copied: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(%1) Chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That room link is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That room no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a room on another server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This link opens a room on another server:
%1

Leave %2 and connect to that server?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chat::MessageEdit</name>
    <message>
        <source>Write a message...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter sends, Shift+Enter adds a line</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chat::MessageListModel</name>
    <message>
        <source>%1 at %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chat::MessagesPanel</name>
    <message>
        <source>Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No messages yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jump to new messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n new message(s)</source>
        <translation>
            <numerusform>%n new message</numerusform>
            <numerusform>%n new messages</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading older messages…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find in this room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous match (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next match (Shift+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close find (Escape)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching older messages…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy selected text</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chat::NoticeBar</name>
    <message>
        <source>Notice</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chat::Notifier</name>
    <message>
        <source>Chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New message from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Chat: %n unread message(s)</source>
        <translation>
            <numerusform>Chat: %n unread message</numerusform>
            <numerusform>Chat: %n unread messages</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the room</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chat::ProtocolClient</name>
    <message>
        <source>connection problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A room name cannot be empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A user name cannot be empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected: your new name will be sent when the connection is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a room before writing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected to the server: the action was not sent. Reconnecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is too long to send (the limit is %L1 characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending failed: the connection is not open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>opened WS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closed WS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server rejected the last request (%1) and closed the connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a statement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not accept the last request (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That room no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This room still has people inside, so it cannot be deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are not in a room, so that was not done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused that colour.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server could not complete the last request; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The room you were in no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The room &quot;%1&quot; was deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to the server was lost. Reconnecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server is restarting. Reconnecting…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chat::RoomCardDelegate</name>
    <message>
        <source>Room name</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chat::RoomListModel</name>
    <message numerus="yes">
        <source>%1: %n message(s)</source>
        <translation>
            <numerusform>%1: %n message</numerusform>
            <numerusform>%1: %n messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s)</source>
        <translation>
            <numerusform>%n message</numerusform>
            <numerusform>%n messages</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n user(s)</source>
        <translation>
            <numerusform>%n user</numerusform>
            <numerusform>%n users</numerusform>
        </translation>
    </message>
    <message>
        <source>colour: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n unread</numerusform>
            <numerusform>%n unread</numerusform>
        </translation>
    </message>
    <message>
        <source>Inside: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inside: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chat::RoomListView</name>
    <message>
        <source>Rooms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click or Enter: enter the room. F2: rename. Delete: delete. Menu key: more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Enter room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change &amp;colour…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy &amp;link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete room</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chat::RoomPage</name>
    <message>
        <source>Leave the room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the room list (Ctrl+W)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages (Ctrl+1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drawing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drawing (Ctrl+2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users (Ctrl+3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The room&apos;s name: edit it and press Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy a link to this room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy a link that opens this room (chat-client LINK)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chat::SettingsDialog</name>
    <message>
        <source>&amp;This computer (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Public server (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Other server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play a &amp;sound for new messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show a desktop &amp;notification when the window is not active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ws://host:port or wss://host/path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server address must start with ws:// or wss:// and name a host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notify only when I am &amp;mentioned</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chat::ThemeSlider</name>
    <message>
        <source>Theme</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chat::TypingLabel</name>
    <message>
        <source>%1 is typing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 and %2 are typing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1, %2 and %n other(s) are typing…</source>
        <translation>
            <numerusform>%1, %2 and %n other are typing…</numerusform>
            <numerusform>%1, %2 and %n others are typing…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>chat::UserCardDelegate</name>
    <message>
        <source>%1 (you)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chat::UserListModel</name>
    <message>
        <source>%1 (you)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chat::UsersPanel</name>
    <message>
        <source>Users in this room</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
