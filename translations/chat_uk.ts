<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="uk_UA">
<context>
    <name>chat::AboutDialog</name>
    <message>
        <source>none (plain protocol)</source>
        <translation>немає (звичайний протокол)</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Chat %1&lt;/h3&gt;&lt;p&gt;A realtime room chat with a shared drawing board: a native desktop client for the socket_chat protocol. It works with this project's server and with the original Python server.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Server:&lt;/b&gt; %2&lt;br&gt;&lt;b&gt;Protocol extensions:&lt;/b&gt; %3&lt;br&gt;&lt;b&gt;Qt:&lt;/b&gt; %4&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Чат %1&lt;/h3&gt;&lt;p&gt;Чат у реальному часі з кімнатами та спільною дошкою для малювання: нативний настільний клієнт протоколу socket_chat. Працює з сервером цього проєкту та з оригінальним сервером на Python.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Сервер:&lt;/b&gt; %2&lt;br&gt;&lt;b&gt;Розширення протоколу:&lt;/b&gt; %3&lt;br&gt;&lt;b&gt;Qt:&lt;/b&gt; %4&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About Chat</source>
        <translation>Про Чат</translation>
    </message>
    <message>
        <source>Chat logo</source>
        <translation>Логотип Чату</translation>
    </message>
</context>
<context>
    <name>chat::BoardView</name>
    <message>
        <source>Drawing board</source>
        <translation>Дошка для малювання</translation>
    </message>
    <message>
        <source>Drawing area</source>
        <translation>Поле для малювання</translation>
    </message>
    <message>
        <source>Draw with the mouse or a pen; the tools are beside it</source>
        <translation>Малюйте мишею або пером; інструменти поруч</translation>
    </message>
</context>
<context>
    <name>chat::ColorPalettePopup</name>
    <message>
        <source>Room colour palette</source>
        <translation>Палітра кольорів кімнати</translation>
    </message>
</context>
<context>
    <name>chat::ColourNames</name>
    <message>
        <source>Black</source>
        <translation>Чорний</translation>
    </message>
    <message>
        <source>Dark red</source>
        <translation>Темно-червоний</translation>
    </message>
    <message>
        <source>Red</source>
        <translation>Червоний</translation>
    </message>
    <message>
        <source>Very dark grey</source>
        <translation>Дуже темно-сірий</translation>
    </message>
    <message>
        <source>Brown</source>
        <translation>Коричневий</translation>
    </message>
    <message>
        <source>Orange</source>
        <translation>Помаранчевий</translation>
    </message>
    <message>
        <source>Dark grey</source>
        <translation>Темно-сірий</translation>
    </message>
    <message>
        <source>Olive</source>
        <translation>Оливковий</translation>
    </message>
    <message>
        <source>Yellow</source>
        <translation>Жовтий</translation>
    </message>
    <message>
        <source>Grey</source>
        <translation>Сірий</translation>
    </message>
    <message>
        <source>Mint green</source>
        <translation>М’ятно-зелений</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>Зелений</translation>
    </message>
    <message>
        <source>Light grey</source>
        <translation>Світло-сірий</translation>
    </message>
    <message>
        <source>Light blue</source>
        <translation>Блакитний</translation>
    </message>
    <message>
        <source>Blue</source>
        <translation>Синій</translation>
    </message>
    <message>
        <source>White</source>
        <translation>Білий</translation>
    </message>
    <message>
        <source>Pink</source>
        <translation>Рожевий</translation>
    </message>
    <message>
        <source>Purple</source>
        <translation>Фіолетовий</translation>
    </message>
    <message>
        <source>Peach</source>
        <translation>Персиковий</translation>
    </message>
    <message>
        <source>Dark blue</source>
        <translation>Темно-синій</translation>
    </message>
</context>
<context>
    <name>chat::CommandLine</name>
    <message>
        <source>Realtime room chat with a shared drawing board.</source>
        <translation>Чат у реальному часі з кімнатами та спільною дошкою для малювання.</translation>
    </message>
    <message>
        <source>The server to connect to (ws:// or wss://).</source>
        <translation>Сервер для з’єднання (ws:// або wss://).</translation>
    </message>
    <message>
        <source>The language: en, uk or de.</source>
        <translation>Мова: en, uk або de.</translation>
    </message>
    <message>
        <source>Enter this room after connecting.</source>
        <translation>Увійти до цієї кімнати після з’єднання.</translation>
    </message>
    <message>
        <source>A room link (socketchat://room/…).</source>
        <translation>Посилання на кімнату (socketchat://room/…).</translation>
    </message>
</context>
<context>
    <name>chat::DrawingPanel</name>
    <message>
        <source>Eraser</source>
        <translation>Гумка</translation>
    </message>
    <message>
        <source>Eraser (E)</source>
        <translation>Гумка (E)</translation>
    </message>
    <message>
        <source>Pen</source>
        <translation>Перо</translation>
    </message>
    <message>
        <source>Pen (P)</source>
        <translation>Перо (P)</translation>
    </message>
    <message>
        <source>Clear the board for everyone</source>
        <translation>Очистити дошку для всіх</translation>
    </message>
    <message>
        <source>Export as PNG</source>
        <translation>Експортувати як PNG</translation>
    </message>
    <message>
        <source>Export the board as a PNG image</source>
        <translation>Експортувати дошку як зображення PNG</translation>
    </message>
    <message>
        <source>Clear the board</source>
        <translation>Очистити дошку</translation>
    </message>
    <message>
        <source>Clear the drawing for everyone in this room?</source>
        <translation>Очистити малюнок для всіх у цій кімнаті?</translation>
    </message>
    <message>
        <source>Export drawing</source>
        <translation>Експорт малюнка</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Зображення PNG (*.png)</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>Не вдалося записати %1.</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Питання</translation>
    </message>
</context>
<context>
    <name>chat::EventLogModel</name>
    <message>
        <source>sent</source>
        <translation>надіслано</translation>
    </message>
    <message>
        <source>received</source>
        <translation>отримано</translation>
    </message>
    <message>
        <source>local</source>
        <translation>локально</translation>
    </message>
    <message numerus="yes">
        <source>%n earlier update(s) not logged</source>
        <translation><numerusform>%n попереднє оновлення не записано в журнал</numerusform><numerusform>%n попередні оновлення не записано в журнал</numerusform><numerusform>%n попередніх оновлень не записано в журнал</numerusform></translation>
    </message>
</context>
<context>
    <name>chat::EventLogPanel</name>
    <message>
        <source>Event log</source>
        <translation>Журнал подій</translation>
    </message>
    <message>
        <source>Copy log entries</source>
        <translation>Копіювати записи журналу</translation>
    </message>
    <message>
        <source>Copy the selected entries (or the whole log)</source>
        <translation>Копіювати вибрані записи (або весь журнал)</translation>
    </message>
    <message>
        <source>Save log</source>
        <translation>Зберегти журнал</translation>
    </message>
    <message>
        <source>Save the whole log to a file</source>
        <translation>Зберегти весь журнал у файл</translation>
    </message>
    <message>
        <source>Save event log</source>
        <translation>Збереження журналу подій</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>Текстові файли (*.txt)</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Не вдалося записати %1: %2</translation>
    </message>
    <message>
        <source>Log entry: %1</source>
        <translation>Запис журналу: %1</translation>
    </message>
    <message>
        <source>Statement JSON</source>
        <translation>JSON повідомлення</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Копіювати</translation>
    </message>
    <message>
        <source>The statements sent and received (of live strokes and typing, the first and last of each, with a count). Enter or double click shows the JSON.</source>
        <translation>Надіслані й отримані повідомлення (для живих штрихів і набору тексту — перше й останнє кожної серії з лічильником). Enter або подвійний клік показує JSON.</translation>
    </message>
</context>
<context>
    <name>chat::HeaderWidget</name>
    <message>
        <source>Chat</source>
        <translation>Чат</translation>
    </message>
    <message>
        <source>About Chat</source>
        <translation>Про Чат</translation>
    </message>
    <message>
        <source>About Chat (F1)</source>
        <translation>Про Чат (F1)</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Налаштування</translation>
    </message>
    <message>
        <source>Settings (Ctrl+,)</source>
        <translation>Налаштування (Ctrl+,)</translation>
    </message>
    <message>
        <source>Connection state</source>
        <translation>Стан з’єднання</translation>
    </message>
    <message>
        <source>Logged as:</source>
        <translation>Ви увійшли як:</translation>
    </message>
    <message>
        <source>Your user name</source>
        <translation>Ваше ім’я користувача</translation>
    </message>
    <message>
        <source>Your user name: edit it and press Enter</source>
        <translation>Ваше ім’я: змініть його й натисніть Enter</translation>
    </message>
    <message>
        <source>● Connected to %1</source>
        <translation>● Під’єднано до %1</translation>
    </message>
    <message>
        <source>◌ Connecting to %1…</source>
        <translation>◌ Під’єднання до %1…</translation>
    </message>
    <message>
        <source>○ Disconnected: reconnecting…</source>
        <translation>○ Від’єднано: під’єднуємося знову…</translation>
    </message>
    <message>
        <source>○ Disconnected</source>
        <translation>○ Від’єднано</translation>
    </message>
</context>
<context>
    <name>chat::LeftPanel</name>
    <message>
        <source>Event Log:</source>
        <translation>Журнал подій:</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Пошук</translation>
    </message>
    <message>
        <source>Search rooms</source>
        <translation>Пошук кімнат</translation>
    </message>
    <message>
        <source>Create room</source>
        <translation>Створити кімнату</translation>
    </message>
    <message>
        <source>Create a room (Ctrl+N)</source>
        <translation>Створити кімнату (Ctrl+N)</translation>
    </message>
    <message>
        <source>Show the room list (Ctrl+Shift+L)</source>
        <translation>Показати список кімнат (Ctrl+Shift+L)</translation>
    </message>
    <message>
        <source>Show the event log (Ctrl+Shift+L)</source>
        <translation>Показати журнал подій (Ctrl+Shift+L)</translation>
    </message>
    <message>
        <source>Show room list</source>
        <translation>Показати список кімнат</translation>
    </message>
    <message>
        <source>Show event log</source>
        <translation>Показати журнал подій</translation>
    </message>
</context>
<context>
    <name>chat::LobbyPage</name>
    <message>
        <source>Select Room</source>
        <translation>Оберіть кімнату</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Пошук</translation>
    </message>
    <message>
        <source>Search rooms</source>
        <translation>Пошук кімнат</translation>
    </message>
    <message>
        <source>Filter the rooms by name (Ctrl+F)</source>
        <translation>Фільтрувати кімнати за назвою (Ctrl+F)</translation>
    </message>
    <message>
        <source>Create room</source>
        <translation>Створити кімнату</translation>
    </message>
    <message>
        <source>Create a room (Ctrl+N)</source>
        <translation>Створити кімнату (Ctrl+N)</translation>
    </message>
    <message>
        <source>No rooms yet. Create one with +.</source>
        <translation>Кімнат ще немає. Створіть кімнату кнопкою +.</translation>
    </message>
    <message>
        <source>No room matches "%1".</source>
        <translation>Немає кімнат, що відповідають «%1».</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Під’єднання…</translation>
    </message>
</context>
<context>
    <name>chat::MainWindow</name>
    <message>
        <source>Chat</source>
        <translation>Чат</translation>
    </message>
    <message>
        <source>New room</source>
        <translation>Нова кімната</translation>
    </message>
    <message>
        <source>Search rooms</source>
        <translation>Пошук кімнат</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Налаштування</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Про програму</translation>
    </message>
    <message>
        <source>Edit user name</source>
        <translation>Змінити ім’я користувача</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Вийти</translation>
    </message>
    <message>
        <source>Link copied: %1</source>
        <translation>Посилання скопійовано: %1</translation>
    </message>
    <message>
        <source>(%1) Chat</source>
        <translation>(%1) Чат</translation>
    </message>
    <message>
        <source>That room link is not valid.</source>
        <translation>Це посилання на кімнату недійсне.</translation>
    </message>
    <message>
        <source>That room no longer exists.</source>
        <translation>Цієї кімнати більше не існує.</translation>
    </message>
    <message>
        <source>Open a room on another server</source>
        <translation>Відкрити кімнату на іншому сервері</translation>
    </message>
    <message>
        <source>This link opens a room on another server:
%1

Leave %2 and connect to that server?</source>
        <translation>Це посилання відкриває кімнату на іншому сервері:
%1

Вийти з %2 і під’єднатися до того сервера?</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Під’єднатися</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Питання</translation>
    </message>
</context>
<context>
    <name>chat::MessageEdit</name>
    <message>
        <source>Write a message...</source>
        <translation>Напишіть повідомлення...</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Повідомлення</translation>
    </message>
    <message>
        <source>Enter sends, Shift+Enter adds a line</source>
        <translation>Enter надсилає, Shift+Enter додає рядок</translation>
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
        <translation>Сьогодні</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Учора</translation>
    </message>
</context>
<context>
    <name>chat::MessagesPanel</name>
    <message>
        <source>Messages</source>
        <translation>Повідомлення</translation>
    </message>
    <message>
        <source>No messages yet</source>
        <translation>Повідомлень ще немає</translation>
    </message>
    <message>
        <source>Jump to new messages</source>
        <translation>Перейти до нових повідомлень</translation>
    </message>
    <message>
        <source>Send message</source>
        <translation>Надіслати повідомлення</translation>
    </message>
    <message>
        <source>Send (Enter)</source>
        <translation>Надіслати (Enter)</translation>
    </message>
    <message numerus="yes">
        <source>%n new message(s)</source>
        <translation><numerusform>%n нове повідомлення</numerusform><numerusform>%n нові повідомлення</numerusform><numerusform>%n нових повідомлень</numerusform></translation>
    </message>
    <message>
        <source>Loading older messages…</source>
        <translation>Завантаження старіших повідомлень…</translation>
    </message>
    <message>
        <source>Message history</source>
        <translation>Історія повідомлень</translation>
    </message>
    <message>
        <source>Empty room</source>
        <translation>Порожня кімната</translation>
    </message>
    <message>
        <source>Find in this room</source>
        <translation>Пошук у цій кімнаті</translation>
    </message>
    <message>
        <source>Previous match (Enter)</source>
        <translation>Попередній збіг (Enter)</translation>
    </message>
    <message>
        <source>Next match (Shift+Enter)</source>
        <translation>Наступний збіг (Shift+Enter)</translation>
    </message>
    <message>
        <source>Close find (Escape)</source>
        <translation>Закрити пошук (Escape)</translation>
    </message>
    <message>
        <source>Searching older messages…</source>
        <translation>Пошук у старіших повідомленнях…</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Нічого не знайдено</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 з %2</translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation>Копіювати текст</translation>
    </message>
    <message>
        <source>Open link</source>
        <translation>Відкрити посилання</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Копіювати посилання</translation>
    </message>
    <message>
        <source>Copy selected text</source>
        <translation>Копіювати виділений текст</translation>
    </message>
</context>
<context>
    <name>chat::NoticeBar</name>
    <message>
        <source>Notice</source>
        <translation>Сповіщення</translation>
    </message>
</context>
<context>
    <name>chat::Notifier</name>
    <message>
        <source>Chat</source>
        <translation>Чат</translation>
    </message>
    <message>
        <source>New message from %1</source>
        <translation>Нове повідомлення від %1</translation>
    </message>
    <message numerus="yes">
        <source>Chat: %n unread message(s)</source>
        <translation><numerusform>Чат: %n непрочитане повідомлення</numerusform><numerusform>Чат: %n непрочитані повідомлення</numerusform><numerusform>Чат: %n непрочитаних повідомлень</numerusform></translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 у %2</translation>
    </message>
    <message>
        <source>Open the room</source>
        <translation>Відкрити кімнату</translation>
    </message>
</context>
<context>
    <name>chat::ProtocolClient</name>
    <message>
        <source>connection problem</source>
        <translation>проблема з’єднання</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>під’єднання</translation>
    </message>
    <message>
        <source>A room name cannot be empty.</source>
        <translation>Назва кімнати не може бути порожньою.</translation>
    </message>
    <message>
        <source>A user name cannot be empty.</source>
        <translation>Ім’я користувача не може бути порожнім.</translation>
    </message>
    <message>
        <source>Not connected: your new name will be sent when the connection is back.</source>
        <translation>Немає з’єднання: нове ім’я буде надіслано, щойно з’єднання відновиться.</translation>
    </message>
    <message>
        <source>Enter a room before writing.</source>
        <translation>Спершу увійдіть до кімнати.</translation>
    </message>
    <message>
        <source>Not connected to the server: the action was not sent. Reconnecting…</source>
        <translation>Немає з’єднання із сервером: дію не надіслано. Під’єднуємося знову…</translation>
    </message>
    <message>
        <source>That is too long to send (the limit is %L1 characters).</source>
        <translation>Повідомлення задовге для надсилання (межа — %L1 символів).</translation>
    </message>
    <message>
        <source>Sending failed: the connection is not open.</source>
        <translation>Не вдалося надіслати: з’єднання не відкрите.</translation>
    </message>
    <message>
        <source>opened WS</source>
        <translation>WS відкрито</translation>
    </message>
    <message>
        <source>closed WS</source>
        <translation>WS закрито</translation>
    </message>
    <message>
        <source>The server rejected the last request (%1) and closed the connection.</source>
        <translation>Сервер відхилив останній запит (%1) і закрив з’єднання.</translation>
    </message>
    <message>
        <source>connection</source>
        <translation>з’єднання</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>невідомо</translation>
    </message>
    <message>
        <source>not a statement</source>
        <translation>не повідомлення протоколу</translation>
    </message>
    <message>
        <source>The server did not accept the last request (%1).</source>
        <translation>Сервер не прийняв останній запит (%1).</translation>
    </message>
    <message>
        <source>That room no longer exists.</source>
        <translation>Цієї кімнати більше не існує.</translation>
    </message>
    <message>
        <source>This room still has people inside, so it cannot be deleted.</source>
        <translation>У цій кімнаті ще є люди, тому її не можна видалити.</translation>
    </message>
    <message>
        <source>You are not in a room, so that was not done.</source>
        <translation>Ви не в кімнаті, тому це не виконано.</translation>
    </message>
    <message>
        <source>The server refused that colour.</source>
        <translation>Сервер відхилив цей колір.</translation>
    </message>
    <message>
        <source>The server could not complete the last request; nothing was changed.</source>
        <translation>Сервер не зміг виконати останній запит; нічого не змінено.</translation>
    </message>
    <message>
        <source>The room you were in no longer exists.</source>
        <translation>Кімнати, у якій ви були, більше не існує.</translation>
    </message>
    <message>
        <source>The room "%1" was deleted.</source>
        <translation>Кімнату «%1» видалено.</translation>
    </message>
    <message>
        <source>Connected again.</source>
        <translation>З’єднання відновлено.</translation>
    </message>
    <message>
        <source>The connection to the server was lost. Reconnecting…</source>
        <translation>З’єднання із сервером втрачено. Під’єднуємося знову…</translation>
    </message>
    <message>
        <source>The server is restarting. Reconnecting…</source>
        <translation>Сервер перезапускається. Під’єднуємося знову…</translation>
    </message>
</context>
<context>
    <name>chat::RoomCardDelegate</name>
    <message>
        <source>Room name</source>
        <translation>Назва кімнати</translation>
    </message>
</context>
<context>
    <name>chat::RoomListModel</name>
    <message numerus="yes">
        <source>%1: %n message(s)</source>
        <translation><numerusform>%1: %n повідомлення</numerusform><numerusform>%1: %n повідомлення</numerusform><numerusform>%1: %n повідомлень</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n message(s)</source>
        <translation><numerusform>%n повідомлення</numerusform><numerusform>%n повідомлення</numerusform><numerusform>%n повідомлень</numerusform></translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message numerus="yes">
        <source>%n user(s)</source>
        <translation><numerusform>%n користувач</numerusform><numerusform>%n користувачі</numerusform><numerusform>%n користувачів</numerusform></translation>
    </message>
    <message>
        <source>colour: %1</source>
        <translation>колір: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation><numerusform>%n непрочитане</numerusform><numerusform>%n непрочитані</numerusform><numerusform>%n непрочитаних</numerusform></translation>
    </message>
    <message>
        <source>Inside: %1</source>
        <translation>Усередині: %1</translation>
    </message>
    <message>
        <source>inside: %1</source>
        <translation>усередині: %1</translation>
    </message>
</context>
<context>
    <name>chat::RoomListView</name>
    <message>
        <source>Rooms</source>
        <translation>Кімнати</translation>
    </message>
    <message>
        <source>Room list</source>
        <translation>Список кімнат</translation>
    </message>
    <message>
        <source>Click or Enter: enter the room. F2: rename. Delete: delete. Menu key: more.</source>
        <translation>Клік або Enter: увійти до кімнати. F2: перейменувати. Delete: видалити. Клавіша меню: більше.</translation>
    </message>
    <message>
        <source>&amp;Enter room</source>
        <translation>&amp;Увійти до кімнати</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>&amp;Перейменувати</translation>
    </message>
    <message>
        <source>Change &amp;colour…</source>
        <translation>Змінити &amp;колір…</translation>
    </message>
    <message>
        <source>Copy &amp;link</source>
        <translation>Копіювати &amp;посилання</translation>
    </message>
    <message>
        <source>&amp;Delete room</source>
        <translation>&amp;Видалити кімнату</translation>
    </message>
</context>
<context>
    <name>chat::RoomPage</name>
    <message>
        <source>Leave the room</source>
        <translation>Вийти з кімнати</translation>
    </message>
    <message>
        <source>Back to the room list (Ctrl+W)</source>
        <translation>Назад до списку кімнат (Ctrl+W)</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Повідомлення</translation>
    </message>
    <message>
        <source>Messages (Ctrl+1)</source>
        <translation>Повідомлення (Ctrl+1)</translation>
    </message>
    <message>
        <source>Drawing</source>
        <translation>Малюнок</translation>
    </message>
    <message>
        <source>Drawing (Ctrl+2)</source>
        <translation>Малюнок (Ctrl+2)</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Користувачі</translation>
    </message>
    <message>
        <source>Users (Ctrl+3)</source>
        <translation>Користувачі (Ctrl+3)</translation>
    </message>
    <message>
        <source>Room:</source>
        <translation>Кімната:</translation>
    </message>
    <message>
        <source>Room name</source>
        <translation>Назва кімнати</translation>
    </message>
    <message>
        <source>The room's name: edit it and press Enter</source>
        <translation>Назва кімнати: змініть її й натисніть Enter</translation>
    </message>
    <message>
        <source>Copy a link to this room</source>
        <translation>Копіювати посилання на цю кімнату</translation>
    </message>
    <message>
        <source>Copy a link that opens this room (chat-client LINK)</source>
        <translation>Копіювати посилання, що відкриває цю кімнату (chat-client ПОСИЛАННЯ)</translation>
    </message>
</context>
<context>
    <name>chat::SettingsDialog</name>
    <message>
        <source>&amp;This computer (%1)</source>
        <translation>&amp;Цей комп’ютер (%1)</translation>
    </message>
    <message>
        <source>&amp;Public server (%1)</source>
        <translation>&amp;Публічний сервер (%1)</translation>
    </message>
    <message>
        <source>&amp;Other server:</source>
        <translation>&amp;Інший сервер:</translation>
    </message>
    <message>
        <source>Play a &amp;sound for new messages</source>
        <translation>Відтворювати &amp;звук для нових повідомлень</translation>
    </message>
    <message>
        <source>Show a desktop &amp;notification when the window is not active</source>
        <translation>Показувати &amp;сповіщення, коли вікно неактивне</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Налаштування</translation>
    </message>
    <message>
        <source>ws://host:port or wss://host/path</source>
        <translation>ws://вузол:порт або wss://вузол/шлях</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Адреса сервера</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Мова</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Мова системи</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Сервер</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Мова:</translation>
    </message>
    <message>
        <source>The server address must start with ws:// or wss:// and name a host.</source>
        <translation>Адреса сервера має починатися з ws:// або wss:// і містити вузол.</translation>
    </message>
    <message>
        <source>Notify only when I am &amp;mentioned</source>
        <translation>Сповіщати, лише коли мене &amp;згадують</translation>
    </message>
</context>
<context>
    <name>chat::ThemeSlider</name>
    <message>
        <source>Theme</source>
        <translation>Тема</translation>
    </message>
</context>
<context>
    <name>chat::TypingLabel</name>
    <message>
        <source>%1 is typing…</source>
        <translation>%1 друкує…</translation>
    </message>
    <message>
        <source>%1 and %2 are typing…</source>
        <translation>%1 і %2 друкують…</translation>
    </message>
    <message numerus="yes">
        <source>%1, %2 and %n other(s) are typing…</source>
        <translation><numerusform>%1, %2 та ще %n людина друкують…</numerusform><numerusform>%1, %2 та ще %n людини друкують…</numerusform><numerusform>%1, %2 та ще %n людей друкують…</numerusform></translation>
    </message>
</context>
<context>
    <name>chat::UserCardDelegate</name>
    <message>
        <source>%1 (you)</source>
        <translation>%1 (ви)</translation>
    </message>
</context>
<context>
    <name>chat::UserListModel</name>
    <message>
        <source>%1 (you)</source>
        <translation>%1 (ви)</translation>
    </message>
</context>
<context>
    <name>chat::UsersPanel</name>
    <message>
        <source>Users in this room</source>
        <translation>Користувачі в цій кімнаті</translation>
    </message>
</context>
</TS>
