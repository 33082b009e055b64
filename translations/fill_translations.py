#!/usr/bin/env python3
"""Fills chat_uk.ts and chat_de.ts from the table below (run after `cmake --build BUILD --target update_translations`).

Every source string of the client has a Ukrainian and a German translation here; a string missing from the
table is reported and left unfinished, so a new string is never shipped silently untranslated.
"""
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

T = {
    # Live collaboration (issue 15): who is typing, who is inside a room.
    "%1 is typing…": ("%1 друкує…", "%1 schreibt …"),
    "%1 and %2 are typing…": ("%1 і %2 друкують…", "%1 und %2 schreiben …"),
    "%1, %2 and %n other(s) are typing…": (["%1, %2 та ще %n людина друкують…", "%1, %2 та ще %n людини друкують…",
                                           "%1, %2 та ще %n людей друкують…"],
                                          ["%1, %2 und %n weitere Person schreiben …",
                                           "%1, %2 und %n weitere Personen schreiben …"]),
    "%n earlier update(s) not logged": (["%n попереднє оновлення не записано в журнал",
                                          "%n попередні оновлення не записано в журнал",
                                          "%n попередніх оновлень не записано в журнал"],
                                         ["%n frühere Aktualisierung nicht protokolliert",
                                          "%n frühere Aktualisierungen nicht protokolliert"]),
    "Inside: %1": ("Усередині: %1", "Im Raum: %1"),
    "inside: %1": ("усередині: %1", "im Raum: %1"),
    # Unread counts, notifications, links, mentions, find in room.
    "Copy selected text": ("Копіювати виділений текст", "Markierten Text kopieren"),
    "Open a room on another server": ("Відкрити кімнату на іншому сервері", "Raum auf einem anderen Server öffnen"),
    "This link opens a room on another server:\n%1\n\nLeave %2 and connect to that server?":
        ("Це посилання відкриває кімнату на іншому сервері:\n%1\n\nВийти з %2 і під’єднатися до того сервера?",
         "Dieser Link öffnet einen Raum auf einem anderen Server:\n%1\n\n%2 verlassen und mit diesem Server verbinden?"),
    "Connect": ("Під’єднатися", "Verbinden"),
    "The server is restarting. Reconnecting…": ("Сервер перезапускається. Під’єднуємося знову…",
                                                "Der Server wird neu gestartet. Verbindung wird wiederhergestellt…"),
    "(%1) Chat": ("(%1) Чат", "(%1) Chat"),
    "That room link is not valid.": ("Це посилання на кімнату недійсне.", "Dieser Raum-Link ist ungültig."),
    "Find in this room": ("Пошук у цій кімнаті", "In diesem Raum suchen"),
    "Previous match (Enter)": ("Попередній збіг (Enter)", "Vorheriger Treffer (Eingabetaste)"),
    "Next match (Shift+Enter)": ("Наступний збіг (Shift+Enter)", "Nächster Treffer (Umschalt+Eingabetaste)"),
    "Close find (Escape)": ("Закрити пошук (Escape)", "Suche schließen (Esc)"),
    "Searching older messages…": ("Пошук у старіших повідомленнях…", "Ältere Nachrichten werden durchsucht …"),
    "No matches": ("Нічого не знайдено", "Keine Treffer"),
    "%1 of %2": ("%1 з %2", "%1 von %2"),
    "Copy text": ("Копіювати текст", "Text kopieren"),
    "Open link": ("Відкрити посилання", "Link öffnen"),
    "Copy link": ("Копіювати посилання", "Link kopieren"),
    "Chat: %n unread message(s)": (["Чат: %n непрочитане повідомлення", "Чат: %n непрочитані повідомлення",
                                    "Чат: %n непрочитаних повідомлень"],
                                   ["Chat: %n ungelesene Nachricht", "Chat: %n ungelesene Nachrichten"]),
    "%1 in %2": ("%1 у %2", "%1 in %2"),
    "Open the room": ("Відкрити кімнату", "Raum öffnen"),
    "%n unread": (["%n непрочитане", "%n непрочитані", "%n непрочитаних"], ["%n ungelesen", "%n ungelesen"]),
    "Notify only when I am &mentioned": ("Сповіщати, лише коли мене &згадують", "Nur benachrichtigen, wenn ich &erwähnt werde"),
    "none (plain protocol)": ("немає (звичайний протокол)", "keine (einfaches Protokoll)"),
    "<h3>Chat %1</h3><p>A realtime room chat with a shared drawing board: a native desktop client for the socket_chat protocol. It works with this project's server and with the original Python server.</p><p><b>Server:</b> %2<br><b>Protocol extensions:</b> %3<br><b>Qt:</b> %4</p>":
        ("<h3>Чат %1</h3><p>Чат у реальному часі з кімнатами та спільною дошкою для малювання: нативний настільний клієнт протоколу socket_chat. Працює з сервером цього проєкту та з оригінальним сервером на Python.</p><p><b>Сервер:</b> %2<br><b>Розширення протоколу:</b> %3<br><b>Qt:</b> %4</p>",
         "<h3>Chat %1</h3><p>Ein Echtzeit-Raum-Chat mit gemeinsamem Zeichenbrett: ein nativer Desktop-Client für das socket_chat-Protokoll. Er funktioniert mit dem Server dieses Projekts und mit dem ursprünglichen Python-Server.</p><p><b>Server:</b> %2<br><b>Protokollerweiterungen:</b> %3<br><b>Qt:</b> %4</p>"),
    "About Chat": ("Про Чат", "Über Chat"),
    "Drawing board": ("Дошка для малювання", "Zeichenbrett"),
    "Room colour palette": ("Палітра кольорів кімнати", "Farbpalette des Raums"),
    "Colour %1": ("Колір %1", "Farbe %1"),
    "Eraser": ("Гумка", "Radierer"),
    "Eraser (E)": ("Гумка (E)", "Radierer (E)"),
    "Pen": ("Перо", "Stift"),
    "Pen (P)": ("Перо (P)", "Stift (P)"),
    "Clear the board for everyone": ("Очистити дошку для всіх", "Brett für alle leeren"),
    "Export as PNG": ("Експортувати як PNG", "Als PNG exportieren"),
    "Export the board as a PNG image": ("Експортувати дошку як зображення PNG", "Das Brett als PNG-Bild exportieren"),
    "Clear the board": ("Очистити дошку", "Brett leeren"),
    "Clear the drawing for everyone in this room?": ("Очистити малюнок для всіх у цій кімнаті?", "Die Zeichnung für alle in diesem Raum löschen?"),
    "Export drawing": ("Експорт малюнка", "Zeichnung exportieren"),
    "PNG images (*.png)": ("Зображення PNG (*.png)", "PNG-Bilder (*.png)"),
    "Could not write %1.": ("Не вдалося записати %1.", "%1 konnte nicht geschrieben werden."),
    "sent": ("надіслано", "gesendet"),
    "received": ("отримано", "empfangen"),
    "local": ("локально", "lokal"),
    "Event log": ("Журнал подій", "Ereignisprotokoll"),
    "The statements sent and received (of live strokes and typing, the first and last of each, with a count). Enter or double click shows the JSON.":
        ("Надіслані й отримані повідомлення (для живих штрихів і набору тексту — перше й останнє кожної серії з лічильником). Enter або подвійний клік показує JSON.",
         "Die gesendeten und empfangenen Nachrichten (bei Live-Strichen und Tippen jeweils die erste und letzte, mit Anzahl). Eingabetaste oder Doppelklick zeigt das JSON."),
    "Copy log entries": ("Копіювати записи журналу", "Protokolleinträge kopieren"),
    "Copy the selected entries (or the whole log)": ("Копіювати вибрані записи (або весь журнал)", "Die ausgewählten Einträge (oder das ganze Protokoll) kopieren"),
    "Save log": ("Зберегти журнал", "Protokoll speichern"),
    "Save the whole log to a file": ("Зберегти весь журнал у файл", "Das ganze Protokoll in eine Datei speichern"),
    "Save event log": ("Збереження журналу подій", "Ereignisprotokoll speichern"),
    "Text files (*.txt)": ("Текстові файли (*.txt)", "Textdateien (*.txt)"),
    "Could not write %1: %2": ("Не вдалося записати %1: %2", "%1 konnte nicht geschrieben werden: %2"),
    "Log entry: %1": ("Запис журналу: %1", "Protokolleintrag: %1"),
    "Statement JSON": ("JSON повідомлення", "JSON der Nachricht"),
    "Copy": ("Копіювати", "Kopieren"),
    "Chat": ("Чат", "Chat"),
    "About Chat (F1)": ("Про Чат (F1)", "Über Chat (F1)"),
    "Settings": ("Налаштування", "Einstellungen"),
    "Settings (Ctrl+,)": ("Налаштування (Ctrl+,)", "Einstellungen (Strg+,)"),
    "Connection state": ("Стан з’єднання", "Verbindungsstatus"),
    "Logged as:": ("Ви увійшли як:", "Angemeldet als:"),
    "Your user name": ("Ваше ім’я користувача", "Ihr Benutzername"),
    "Your user name: edit it and press Enter": ("Ваше ім’я: змініть його й натисніть Enter", "Ihr Benutzername: ändern und Eingabetaste drücken"),
    "● Connected to %1": ("● Під’єднано до %1", "● Verbunden mit %1"),
    "◌ Connecting to %1…": ("◌ Під’єднання до %1…", "◌ Verbindung mit %1 wird hergestellt…"),
    "○ Disconnected: reconnecting…": ("○ Від’єднано: під’єднуємося знову…", "○ Getrennt: Verbindung wird wiederhergestellt…"),
    "○ Disconnected": ("○ Від’єднано", "○ Getrennt"),
    "Event Log:": ("Журнал подій:", "Protokoll:"),  # the header has room for a short title only
    "Search": ("Пошук", "Suche"),
    "Search rooms": ("Пошук кімнат", "Räume suchen"),
    "Create room": ("Створити кімнату", "Raum erstellen"),
    "Create a room (Ctrl+N)": ("Створити кімнату (Ctrl+N)", "Einen Raum erstellen (Strg+N)"),
    "Show the room list (Ctrl+Shift+L)": ("Показати список кімнат (Ctrl+Shift+L)", "Raumliste anzeigen (Strg+Umschalt+L)"),
    "Show the event log (Ctrl+Shift+L)": ("Показати журнал подій (Ctrl+Shift+L)", "Ereignisprotokoll anzeigen (Strg+Umschalt+L)"),
    "Show room list": ("Показати список кімнат", "Raumliste anzeigen"),
    "Show event log": ("Показати журнал подій", "Ereignisprotokoll anzeigen"),
    "Select Room": ("Оберіть кімнату", "Raum wählen"),
    "Filter the rooms by name (Ctrl+F)": ("Фільтрувати кімнати за назвою (Ctrl+F)", "Räume nach Namen filtern (Strg+F)"),
    "No rooms yet. Create one with +.": ("Кімнат ще немає. Створіть кімнату кнопкою +.", "Noch keine Räume. Erstellen Sie einen mit +."),
    "No room matches \"%1\".": ("Немає кімнат, що відповідають «%1».", "Kein Raum passt zu „%1“."),
    "New room": ("Нова кімната", "Neuer Raum"),
    "About": ("Про програму", "Über"),
    "Edit user name": ("Змінити ім’я користувача", "Benutzernamen bearbeiten"),
    "Quit": ("Вийти", "Beenden"),
    "Write a message...": ("Напишіть повідомлення...", "Nachricht schreiben..."),
    "Message": ("Повідомлення", "Nachricht"),
    "Enter sends, Shift+Enter adds a line": ("Enter надсилає, Shift+Enter додає рядок", "Eingabetaste sendet, Umschalt+Eingabetaste fügt eine Zeile hinzu"),
    "%1 at %2: %3": ("%1, %2: %3", "%1, %2: %3"),  # %2 is a date and a time: "о"/"um" read wrong before a date
    "Messages": ("Повідомлення", "Nachrichten"),
    "No messages yet": ("Повідомлень ще немає", "Noch keine Nachrichten"),
    "Jump to new messages": ("Перейти до нових повідомлень", "Zu den neuen Nachrichten springen"),
    "Loading older messages…": ("Завантаження старіших повідомлень…", "Ältere Nachrichten werden geladen…"),
    "Send message": ("Надіслати повідомлення", "Nachricht senden"),
    "Send (Enter)": ("Надіслати (Enter)", "Senden (Eingabetaste)"),
    "%n new message(s)": (["%n нове повідомлення", "%n нові повідомлення", "%n нових повідомлень"],
                          ["%n neue Nachricht", "%n neue Nachrichten"]),
    "Notice": ("Сповіщення", "Hinweis"),
    "New message from %1": ("Нове повідомлення від %1", "Neue Nachricht von %1"),
    "connection problem": ("проблема з’єднання", "Verbindungsproblem"),
    "connecting": ("під’єднання", "Verbindungsaufbau"),
    "A room name cannot be empty.": ("Назва кімнати не може бути порожньою.", "Ein Raumname darf nicht leer sein."),
    "A user name cannot be empty.": ("Ім’я користувача не може бути порожнім.", "Ein Benutzername darf nicht leer sein."),
    "Not connected: your new name will be sent when the connection is back.":
        ("Немає з’єднання: нове ім’я буде надіслано, щойно з’єднання відновиться.",
         "Nicht verbunden: Ihr neuer Name wird gesendet, sobald die Verbindung wieder steht."),
    "Enter a room before writing.": ("Спершу увійдіть до кімнати.", "Betreten Sie zuerst einen Raum."),
    "Not connected to the server: the action was not sent. Reconnecting…":
        ("Немає з’єднання із сервером: дію не надіслано. Під’єднуємося знову…",
         "Nicht mit dem Server verbunden: Die Aktion wurde nicht gesendet. Verbindung wird wiederhergestellt…"),
    "That is too long to send (the limit is %L1 characters).":
        ("Повідомлення задовге для надсилання (межа — %L1 символів).", "Das ist zu lang zum Senden (die Grenze liegt bei %L1 Zeichen)."),
    "Sending failed: the connection is not open.": ("Не вдалося надіслати: з’єднання не відкрите.", "Senden fehlgeschlagen: Die Verbindung ist nicht offen."),
    "opened WS": ("WS відкрито", "WS geöffnet"),
    "closed WS": ("WS закрито", "WS geschlossen"),
    "The server rejected the last request (%1) and closed the connection.":
        ("Сервер відхилив останній запит (%1) і закрив з’єднання.", "Der Server hat die letzte Anfrage (%1) abgelehnt und die Verbindung geschlossen."),
    "connection": ("з’єднання", "Verbindung"),
    "unknown": ("невідомо", "unbekannt"),
    "not a statement": ("не повідомлення протоколу", "keine Protokollnachricht"),
    "The server did not accept the last request (%1).": ("Сервер не прийняв останній запит (%1).", "Der Server hat die letzte Anfrage (%1) nicht angenommen."),
    "That room no longer exists.": ("Цієї кімнати більше не існує.", "Diesen Raum gibt es nicht mehr."),
    "This room still has people inside, so it cannot be deleted.":
        ("У цій кімнаті ще є люди, тому її не можна видалити.", "In diesem Raum sind noch Leute, deshalb kann er nicht gelöscht werden."),
    "You are not in a room, so that was not done.": ("Ви не в кімнаті, тому це не виконано.", "Sie sind in keinem Raum, deshalb wurde das nicht ausgeführt."),
    "The server refused that colour.": ("Сервер відхилив цей колір.", "Der Server hat diese Farbe abgelehnt."),
    "The server could not complete the last request; nothing was changed.":
        ("Сервер не зміг виконати останній запит; нічого не змінено.", "Der Server konnte die letzte Anfrage nicht ausführen; nichts wurde geändert."),
    "The room you were in no longer exists.": ("Кімнати, у якій ви були, більше не існує.", "Den Raum, in dem Sie waren, gibt es nicht mehr."),
    "The room \"%1\" was deleted.": ("Кімнату «%1» видалено.", "Der Raum „%1“ wurde gelöscht."),
    "Room name": ("Назва кімнати", "Raumname"),
    "%1: %n message(s)": (["%1: %n повідомлення", "%1: %n повідомлення", "%1: %n повідомлень"],
                          ["%1: %n Nachricht", "%1: %n Nachrichten"]),
    "Rooms": ("Кімнати", "Räume"),
    "Room list": ("Список кімнат", "Raumliste"),
    "Click or Enter: enter the room. F2: rename. Delete: delete. Menu key: more.":
        ("Клік або Enter: увійти до кімнати. F2: перейменувати. Delete: видалити. Клавіша меню: більше.",
         "Klick oder Eingabetaste: Raum betreten. F2: umbenennen. Entf: löschen. Menütaste: mehr."),
    "&Enter room": ("&Увійти до кімнати", "Raum &betreten"),
    "&Rename": ("&Перейменувати", "&Umbenennen"),
    "Change &colour…": ("Змінити &колір…", "&Farbe ändern…"),
    "Copy &link": ("Копіювати &посилання", "&Link kopieren"),
    "&Delete room": ("&Видалити кімнату", "Raum &löschen"),
    "Leave the room": ("Вийти з кімнати", "Raum verlassen"),
    "Back to the room list (Ctrl+W)": ("Назад до списку кімнат (Ctrl+W)", "Zurück zur Raumliste (Strg+W)"),
    "Messages (Ctrl+1)": ("Повідомлення (Ctrl+1)", "Nachrichten (Strg+1)"),
    "Drawing": ("Малюнок", "Zeichnung"),
    "Drawing (Ctrl+2)": ("Малюнок (Ctrl+2)", "Zeichnung (Strg+2)"),
    "Users": ("Користувачі", "Benutzer"),
    "Users (Ctrl+3)": ("Користувачі (Ctrl+3)", "Benutzer (Strg+3)"),
    "Room:": ("Кімната:", "Raum:"),
    "The room's name: edit it and press Enter": ("Назва кімнати: змініть її й натисніть Enter", "Der Name des Raums: ändern und Eingabetaste drücken"),
    "&This computer (%1)": ("&Цей комп’ютер (%1)", "&Dieser Computer (%1)"),
    "&Public server (%1)": ("&Публічний сервер (%1)", "Ö&ffentlicher Server (%1)"),
    "&Other server:": ("&Інший сервер:", "&Anderer Server:"),
    "Play a &sound for new messages": ("Відтворювати &звук для нових повідомлень", "Bei neuen Nachrichten einen &Ton abspielen"),
    "Show a desktop &notification when the window is not active":
        ("Показувати &сповіщення, коли вікно неактивне", "Eine Desktop-&Benachrichtigung zeigen, wenn das Fenster nicht aktiv ist"),
    "ws://host:port or wss://host/path": ("ws://вузол:порт або wss://вузол/шлях", "ws://Host:Port oder wss://Host/Pfad"),
    "Server address": ("Адреса сервера", "Serveradresse"),
    "Language": ("Мова", "Sprache"),
    "System language": ("Мова системи", "Systemsprache"),
    "Server": ("Сервер", "Server"),
    "&Language:": ("&Мова:", "&Sprache:"),
    "The server address must start with ws:// or wss:// and name a host.":
        ("Адреса сервера має починатися з ws:// або wss:// і містити вузол.", "Die Serveradresse muss mit ws:// oder wss:// beginnen und einen Host nennen."),
    "Theme": ("Тема", "Design"),
    "%1 (you)": ("%1 (ви)", "%1 (Sie)"),
    "Users in this room": ("Користувачі в цій кімнаті", "Benutzer in diesem Raum"),
    "Connecting…": ("Під’єднання…", "Verbindung wird hergestellt…"),
    "Realtime room chat with a shared drawing board.": ("Чат у реальному часі з кімнатами та спільною дошкою для малювання.", "Echtzeit-Raum-Chat mit gemeinsamem Zeichenbrett."),
    "The server to connect to (ws:// or wss://).": ("Сервер для з’єднання (ws:// або wss://).", "Der Server, mit dem verbunden wird (ws:// oder wss://)."),
    "The language: en, uk or de.": ("Мова: en, uk або de.", "Die Sprache: en, uk oder de."),
    "Enter this room after connecting.": ("Увійти до цієї кімнати після з’єднання.", "Diesen Raum nach dem Verbinden betreten."),
    "A room link (socketchat://room/…).": ("Посилання на кімнату (socketchat://room/…).", "Ein Raumlink (socketchat://room/…)."),
    "The connection to the server was lost. Reconnecting…": ("З’єднання із сервером втрачено. Під’єднуємося знову…", "Die Verbindung zum Server wurde unterbrochen. Verbindung wird wiederhergestellt…"),
    "Connected again.": ("З’єднання відновлено.", "Wieder verbunden."),
    "Copy a link to this room": ("Копіювати посилання на цю кімнату", "Einen Link zu diesem Raum kopieren"),
    "Copy a link that opens this room (chat-client LINK)": ("Копіювати посилання, що відкриває цю кімнату (chat-client ПОСИЛАННЯ)", "Einen Link kopieren, der diesen Raum öffnet (chat-client LINK)"),
    "Link copied: %1": ("Посилання скопійовано: %1", "Link kopiert: %1"),
    "Today": ("Сьогодні", "Heute"),
    "Yesterday": ("Учора", "Gestern"),
    # Accessibility (issue 12): colour names, room card descriptions, names a screen reader reads.
    "Black": ("Чорний", "Schwarz"),
    "Dark red": ("Темно-червоний", "Dunkelrot"),
    "Red": ("Червоний", "Rot"),
    "Very dark grey": ("Дуже темно-сірий", "Sehr dunkles Grau"),
    "Brown": ("Коричневий", "Braun"),
    "Orange": ("Помаранчевий", "Orange"),
    "Dark grey": ("Темно-сірий", "Dunkelgrau"),
    "Olive": ("Оливковий", "Oliv"),
    "Yellow": ("Жовтий", "Gelb"),
    "Grey": ("Сірий", "Grau"),
    "Mint green": ("М’ятно-зелений", "Mintgrün"),
    "Green": ("Зелений", "Grün"),
    "Light grey": ("Світло-сірий", "Hellgrau"),
    "Light blue": ("Блакитний", "Hellblau"),
    "Blue": ("Синій", "Blau"),
    "White": ("Білий", "Weiß"),
    "Pink": ("Рожевий", "Rosa"),
    "Purple": ("Фіолетовий", "Lila"),
    "Peach": ("Персиковий", "Pfirsich"),
    "Dark blue": ("Темно-синій", "Dunkelblau"),
    "%n message(s)": (["%n повідомлення", "%n повідомлення", "%n повідомлень"], ["%n Nachricht", "%n Nachrichten"]),
    "%n user(s)": (["%n користувач", "%n користувачі", "%n користувачів"], ["%n Benutzer", "%n Benutzer"]),
    ", ": (", ", ", "),
    "colour: %1": ("колір: %1", "Farbe: %1"),
    "Drawing area": ("Поле для малювання", "Zeichenfläche"),
    "Draw with the mouse or a pen; the tools are beside it": ("Малюйте мишею або пером; інструменти поруч", "Mit der Maus oder einem Stift zeichnen; die Werkzeuge sind daneben"),
    "Empty room": ("Порожня кімната", "Leerer Raum"),
    "Message history": ("Історія повідомлень", "Nachrichtenverlauf"),
    "Question": ("Питання", "Frage"),
    "Chat logo": ("Логотип Чату", "Chat-Logo"),
}


def fill(path: Path, column: int) -> int:
    tree = ET.parse(path)
    missing = 0
    for message in tree.getroot().iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        if source not in T:
            print(f"{path.name}: no translation for {source!r}", file=sys.stderr)
            missing += 1
            continue
        value = T[source][column]
        translation.attrib.pop("type", None)
        for child in list(translation):
            translation.remove(child)
        if message.get("numerus") == "yes":
            translation.text = None
            for form in value:
                ET.SubElement(translation, "numerusform").text = form
        else:
            translation.text = value
    text = ET.tostring(tree.getroot(), encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + text + "\n", encoding="utf-8")
    return missing


if __name__ == "__main__":
    here = Path(__file__).resolve().parent
    missing = fill(here / "chat_uk.ts", 0) + fill(here / "chat_de.ts", 1)
    sys.exit(1 if missing else 0)
