<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>AppointmentFilterBar</name>
    <message>
        <source>From</source>
        <translation>С</translation>
    </message>
    <message>
        <source>To</source>
        <translation>По</translation>
    </message>
    <message>
        <source>Doctor</source>
        <translation>Врач</translation>
    </message>
    <message>
        <source>All doctors</source>
        <translation>Все врачи</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Все статусы</translation>
    </message>
    <message>
        <source>All but cancelled and no-show</source>
        <translation>Кроме отменённых и неявок</translation>
    </message>
    <message>
        <source>Fr&amp;om:</source>
        <translation>&amp;Период с:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>по:</translation>
    </message>
    <message>
        <source>Sho&amp;w:</source>
        <translation>Пока&amp;зать:</translation>
    </message>
    <message>
        <source>Do&amp;ctor:</source>
        <translation>&amp;Врач:</translation>
    </message>
</context>
<context>
    <name>AppointmentForm</name>
    <message>
        <source>New appointment</source>
        <translation>Новая запись</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>Запись</translation>
    </message>
    <message>
        <source>&amp;Patient:</source>
        <translation>&amp;Пациент:</translation>
    </message>
    <message>
        <source>&amp;Doctor:</source>
        <translation>&amp;Врач:</translation>
    </message>
    <message>
        <source>Choose a doctor</source>
        <translation>Выберите врача</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>T&amp;ype:</source>
        <translation>&amp;Тип:</translation>
    </message>
    <message>
        <source>The kind of visit; choosing one sets its usual length</source>
        <translation>Вид визита; выбор задаёт его обычную длительность</translation>
    </message>
    <message>
        <source>Da&amp;te and time:</source>
        <translation>&amp;Дата и время:</translation>
    </message>
    <message>
        <source>D&amp;uration:</source>
        <translation>Д&amp;лительность:</translation>
    </message>
    <message>
        <source>Ends at</source>
        <translation>Окончание</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>П&amp;ричина:</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>&amp;Заметки:</translation>
    </message>
    <message>
        <source>S&amp;queeze in over the other visit (emergency)</source>
        <translation>Вст&amp;авить поверх другого визита (экстренно)</translation>
    </message>
    <message>
        <source>Why this visit cannot wait</source>
        <translation>Почему этот визит не может ждать</translation>
    </message>
    <message>
        <source>Why it cannot wait (required)</source>
        <translation>Почему нельзя ждать (обязательно)</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Конфликты</translation>
    </message>
    <message>
        <source>F&amp;ind slot</source>
        <translation>&amp;Найти время</translation>
    </message>
    <message>
        <source>The doctor&apos;s next free times from this date</source>
        <translation>Ближайшее свободное время врача с этой даты</translation>
    </message>
    <message>
        <source>&amp;Repeat…</source>
        <translation>П&amp;овторять…</translation>
    </message>
    <message>
        <source>Book this visit as a recurring series</source>
        <translation>Записать этот визит как повторяющуюся серию</translation>
    </message>
    <message>
        <source>Type part of the name and choose the patient from the list.</source>
        <translation>Введите часть имени и выберите пациента из списка.</translation>
    </message>
    <message>
        <source>Choose a doctor.</source>
        <translation>Выберите врача.</translation>
    </message>
    <message>
        <source>ends at {0}</source>
        <translation>окончание в {0}</translation>
    </message>
    <message>
        <source>Change a recurring visit</source>
        <translation>Изменение повторяющегося визита</translation>
    </message>
    <message>
        <source>This visit is one of a series. Change which visits?</source>
        <translation>Этот визит входит в серию. Какие визиты изменить?</translation>
    </message>
    <message>
        <source>Squeezing in over another visit is for one visit only: choose “Only this visit”, or untick squeezing in.</source>
        <translation>Вставить поверх другого визита можно только один визит: выберите «Только этот визит» или снимите отметку «Вставить поверх».</translation>
    </message>
    <message>
        <source>This time was just taken at another desk. Choose one of the free times offered, or another time.</source>
        <translation>Это время только что заняли с другого рабочего места. Выберите одно из предложенных свободных окон или другое время.</translation>
    </message>
    <message>
        <source>{0} (inactive)</source>
        <translation>{0} (неактивен)</translation>
    </message>
    <message>
        <source>{0} (no longer offered)</source>
        <translation>{0} (больше не предлагается)</translation>
    </message>
    <message>
        <source>A completed visit cannot be moved; only the reason and notes can change.</source>
        <translation>Завершённый визит нельзя перенести; можно изменить только причину и заметки.</translation>
    </message>
    <message>
        <source>Choose a doctor first.</source>
        <translation>Сначала выберите врача.</translation>
    </message>
    <message>
        <source>No free time in the next two weeks.</source>
        <translation>В ближайшие две недели свободного времени нет.</translation>
    </message>
</context>
<context>
    <name>AppointmentsPage</name>
    <message>
        <source>Patient&apos;s name</source>
        <translation>Имя пациента</translation>
    </message>
    <message>
        <source>the appointment of {0}</source>
        <translation>запись пациента {0}</translation>
    </message>
</context>
<context>
    <name>AppointmentsPanel</name>
    <message>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
</context>
<context>
    <name>AuditDetail</name>
    <message>
        <source>Selected entry</source>
        <translation>Выбранная запись</translation>
    </message>
    <message>
        <source>Changes of the selected entry</source>
        <translation>Изменения выбранной записи</translation>
    </message>
    <message>
        <source>Each changed field with its value before and after</source>
        <translation>Каждое изменённое поле со значением до и после</translation>
    </message>
    <message>
        <source>Select an entry to see what it changed.</source>
        <translation>Выберите запись, чтобы увидеть, что изменилось.</translation>
    </message>
    <message>
        <source>{0}: {1}, {2}, by {3}</source>
        <translation>{0}: {1}, {2}; пользователь: {3}</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>no field values recorded</source>
        <translation>значения полей не записаны</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>Entity</source>
        <translation>Объект</translation>
    </message>
    <message>
        <source>All records</source>
        <translation>Все объекты</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>Все действия</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>Начальная дата</translation>
    </message>
    <message>
        <source>The first day shown; empty: from the beginning</source>
        <translation>Первый показываемый день; пусто — с самого начала</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>Конечная дата</translation>
    </message>
    <message>
        <source>The last day shown; empty: up to now</source>
        <translation>Последний показываемый день; пусто — по сегодня</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>Пока&amp;зать:</translation>
    </message>
    <message>
        <source>Fro&amp;m:</source>
        <translation>&amp;С:</translation>
    </message>
    <message>
        <source>t&amp;o:</source>
        <translation>п&amp;о:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>Пол&amp;ьзователь:</translation>
    </message>
    <message>
        <source>&amp;Verify the log</source>
        <translation>&amp;Проверить журнал</translation>
    </message>
    <message>
        <source>Verify the log</source>
        <translation>Проверить журнал</translation>
    </message>
    <message>
        <source>Check that no entry was changed or removed outside the application</source>
        <translation>Проверить, что ни одна запись не была изменена или удалена в обход программы</translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation>&amp;Экспорт в CSV…</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>Экспорт в CSV</translation>
    </message>
    <message>
        <source>Save the entries the filters show as a CSV file for a spreadsheet</source>
        <translation>Сохранить отобранные фильтрами записи в файл CSV для электронной таблицы</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Журнал аудита</translation>
    </message>
    <message numerus="yes">
        <source>The audit log is intact: %n entries, each chained to the one before.</source>
        <translation>
            <numerusform>Журнал аудита цел: %n запись, каждая связана с предыдущей.</numerusform>
            <numerusform>Журнал аудита цел: %n записи, каждая связана с предыдущей.</numerusform>
            <numerusform>Журнал аудита цел: %n записей, каждая связана с предыдущей.</numerusform>
        </translation>
    </message>
    <message>
        <source>The audit log was changed outside the application. Keep this computer as it is and tell whoever is responsible for data protection.</source>
        <translation>Журнал аудита был изменён в обход программы. Ничего не меняйте на этом компьютере и сообщите ответственному за защиту данных.</translation>
    </message>
    <message>
        <source>The file could not be saved: {0}. Choose another place.</source>
        <translation>Не удалось сохранить файл: {0}. Выберите другое место.</translation>
    </message>
    <message numerus="yes">
        <source>%n entries saved to {0}.</source>
        <translation>
            <numerusform>Сохранена %n запись в {0}.</numerusform>
            <numerusform>Сохранено %n записи в {0}.</numerusform>
            <numerusform>Сохранено %n записей в {0}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export the audit log</source>
        <translation>Экспорт журнала аудита</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Файлы CSV (*.csv)</translation>
    </message>
    <message>
        <source>User name or full name</source>
        <translation>Имя пользователя или ФИО</translation>
    </message>
    <message>
        <source>Type a date like {0}.</source>
        <translation>Введите дату в виде {0}.</translation>
    </message>
    <message>
        <source>The first day is after the last.</source>
        <translation>Первый день позже последнего.</translation>
    </message>
</context>
<context>
    <name>BackupRunner</name>
    <message>
        <source>Back up the database</source>
        <translation>Резервная копия базы данных</translation>
    </message>
    <message>
        <source>Backing up the database…</source>
        <translation>Создание резервной копии базы данных…</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Резервная копия</translation>
    </message>
    <message>
        <source>The database was copied to {0} ({1:.1f} MB) and verified.</source>
        <translation>База данных скопирована в {0} ({1:.1f} МБ) и проверена.</translation>
    </message>
</context>
<context>
    <name>BlockDelegate</name>
    <message numerus="yes">
        <source>+%n more</source>
        <translation>
            <numerusform>ещё %n</numerusform>
            <numerusform>ещё %n</numerusform>
            <numerusform>ещё %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Change password</source>
        <translation>Смена пароля</translation>
    </message>
    <message>
        <source>Choose a new password</source>
        <translation>Придумайте новый пароль</translation>
    </message>
    <message>
        <source>An administrator has set a temporary password for your account. Choose your own before you continue.</source>
        <translation>Администратор задал для вашей учётной записи временный пароль. Прежде чем продолжить, придумайте свой.</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>Текущий пароль</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Новый пароль</translation>
    </message>
    <message>
        <source>Repeat the new password</source>
        <translation>Повторите новый пароль</translation>
    </message>
    <message>
        <source>&amp;Current password:</source>
        <translation>&amp;Текущий пароль:</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>&amp;Новый пароль:</translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>&amp;Повторите:</translation>
    </message>
    <message>
        <source>&amp;Change password</source>
        <translation>С&amp;менить пароль</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>&amp;Выйти из учётной записи</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Пароли не совпадают.</translation>
    </message>
    <message>
        <source>Choose a password different from the current one.</source>
        <translation>Выберите пароль, отличный от текущего.</translation>
    </message>
</context>
<context>
    <name>ConfirmationsPage</name>
    <message>
        <source>Calls</source>
        <translation>Обзвон</translation>
    </message>
    <message>
        <source>Previous day</source>
        <translation>Предыдущий день</translation>
    </message>
    <message>
        <source>Day to call about</source>
        <translation>День, о визитах которого звоним</translation>
    </message>
    <message>
        <source>Next day</source>
        <translation>Следующий день</translation>
    </message>
    <message>
        <source>T&amp;omorrow</source>
        <translation>&amp;Завтра</translation>
    </message>
    <message>
        <source>Tomorrow</source>
        <translation>Завтра</translation>
    </message>
    <message>
        <source>Calls summary</source>
        <translation>Итоги обзвона</translation>
    </message>
    <message>
        <source>Pr&amp;int…</source>
        <translation>Пе&amp;чать…</translation>
    </message>
    <message>
        <source>Print the list</source>
        <translation>Напечатать список</translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation>&amp;Сохранить в PDF…</translation>
    </message>
    <message>
        <source>Save the list as a PDF file</source>
        <translation>Сохранить список в файл PDF</translation>
    </message>
    <message>
        <source>Visits to confirm</source>
        <translation>Визиты для подтверждения</translation>
    </message>
    <message>
        <source>&amp;Confirmed</source>
        <translation>&amp;Подтвердил</translation>
    </message>
    <message>
        <source>The patient will come</source>
        <translation>Пациент придёт</translation>
    </message>
    <message>
        <source>Left a &amp;message</source>
        <translation>&amp;Оставлено сообщение</translation>
    </message>
    <message>
        <source>Nobody answered; a message was left</source>
        <translation>Никто не ответил; оставлено сообщение</translation>
    </message>
    <message>
        <source>Cancelled by &amp;phone</source>
        <translation>Отменил по &amp;телефону</translation>
    </message>
    <message>
        <source>The patient will not come: cancel the visit</source>
        <translation>Пациент не придёт: отменить визит</translation>
    </message>
    <message>
        <source>&amp;Not yet called</source>
        <translation>&amp;Не звонили</translation>
    </message>
    <message>
        <source>Take back the answer noted</source>
        <translation>Убрать отмеченный ответ</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <source>Cancelled by phone</source>
        <translation>Отменил по телефону</translation>
    </message>
    <message>
        <source>{0} will not come on {1}. Cancel the visit?</source>
        <translation>{0} не придёт {1}. Отменить визит?</translation>
    </message>
    <message numerus="yes">
        <source>%n visits: {0} to call, {1} confirmed, {2} left a message, {3} cancelled</source>
        <translation>
            <numerusform>%n визит: позвонить — {0}, подтвердили — {1}, сообщение — {2}, отменили — {3}</numerusform>
            <numerusform>%n визита: позвонить — {0}, подтвердили — {1}, сообщение — {2}, отменили — {3}</numerusform>
            <numerusform>%n визитов: позвонить — {0}, подтвердили — {1}, сообщение — {2}, отменили — {3}</numerusform>
        </translation>
    </message>
    <message>
        <source>Confirmation calls</source>
        <translation>Обзвон для подтверждения</translation>
    </message>
    <message>
        <source>Visits on {0}</source>
        <translation>Визиты на {0}</translation>
    </message>
    <message>
        <source>Save the list as PDF</source>
        <translation>Сохранить список в PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Файлы PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>ConnectionBanner</name>
    <message>
        <source>Connection to the database</source>
        <translation>Подключение к базе данных</translation>
    </message>
    <message>
        <source>Retry &amp;now</source>
        <translation>Повторить &amp;сейчас</translation>
    </message>
    <message>
        <source>Try to reach the database server now</source>
        <translation>Попробовать связаться с сервером базы данных сейчас</translation>
    </message>
    <message>
        <source>The connection to the database server is lost; nothing can be saved until it answers again. Retrying in {0} s… What you have typed is kept.</source>
        <translation>Связь с сервером базы данных потеряна; сохранить ничего нельзя, пока он снова не ответит. Повтор через {0} с… Введённое вами сохраняется.</translation>
    </message>
    <message>
        <source>The connection to the database server is lost. Retrying now…</source>
        <translation>Связь с сервером базы данных потеряна. Повторная попытка…</translation>
    </message>
    <message>
        <source>The connection to the database server is back. Anything that was not saved can be saved again now.</source>
        <translation>Связь с сервером базы данных восстановлена. Всё, что не сохранилось, теперь можно сохранить снова.</translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <source>Database connection</source>
        <translation>Подключение к базе данных</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>База данных</translation>
    </message>
    <message>
        <source>&amp;This computer</source>
        <translation>&amp;Этот компьютер</translation>
    </message>
    <message>
        <source>A &amp;shared PostgreSQL server</source>
        <translation>&amp;Общий сервер PostgreSQL</translation>
    </message>
    <message>
        <source>File: {0}</source>
        <translation>Файл: {0}</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Сервер</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Порт</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Пользователь</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Пароль</translation>
    </message>
    <message>
        <source>Se&amp;rver:</source>
        <translation>С&amp;ервер:</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>По&amp;рт:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;База данных:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>Пол&amp;ьзователь:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Пароль:</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Про&amp;верить подключение</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Подключение…</translation>
    </message>
    <message>
        <source>Connected: {0}</source>
        <translation>Подключено: {0}</translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message>
        <source>Today&apos;s automatic backup failed</source>
        <translation>Сегодняшнее автоматическое резервное копирование не удалось</translation>
    </message>
</context>
<context>
    <name>DaySheetPrinter</name>
    <message>
        <source>Day sheet</source>
        <translation>Лист приёма</translation>
    </message>
    <message>
        <source>There are no visits on {0} to print.</source>
        <translation>На {0} нет визитов для печати.</translation>
    </message>
    <message>
        <source>Save the day sheet as PDF</source>
        <translation>Сохранить лист приёма в PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Файлы PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>DaySheetText</name>
    <message>
        <source>room {0}</source>
        <translation>кабинет {0}</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Пациент</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Дата рождения</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>Visit type</source>
        <translation>Тип визита</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message numerus="yes">
        <source>%n visit(s)</source>
        <translation>
            <numerusform>%n визит</numerusform>
            <numerusform>%n визита</numerusform>
            <numerusform>%n визитов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cancelled or missed (struck through)</source>
        <translation>
            <numerusform>%n визит отменён или пропущен (зачёркнут)</numerusform>
            <numerusform>%n визита отменены или пропущены (зачёркнуты)</numerusform>
            <numerusform>%n визитов отменены или пропущены (зачёркнуты)</numerusform>
        </translation>
    </message>
    <message>
        <source>No visits on this day.</source>
        <translation>В этот день визитов нет.</translation>
    </message>
    <message>
        <source>Day sheet: {0}</source>
        <translation>Лист приёма: {0}</translation>
    </message>
</context>
<context>
    <name>DoctorForm</name>
    <message>
        <source>New doctor</source>
        <translation>Новый врач</translation>
    </message>
    <message>
        <source>Doctor: {0}</source>
        <translation>Врач: {0}</translation>
    </message>
    <message>
        <source>&amp;Last name:</source>
        <translation>&amp;Фамилия:</translation>
    </message>
    <message>
        <source>&amp;First name:</source>
        <translation>&amp;Имя:</translation>
    </message>
    <message>
        <source>&amp;Middle name:</source>
        <translation>&amp;Отчество:</translation>
    </message>
    <message>
        <source>Patronymic, if any</source>
        <translation>Отчество, если есть</translation>
    </message>
    <message>
        <source>&amp;Specialty:</source>
        <translation>&amp;Специальность:</translation>
    </message>
    <message>
        <source>&amp;Room:</source>
        <translation>&amp;Кабинет:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Телефон:</translation>
    </message>
    <message>
        <source>For example +7 916 123-45-67</source>
        <translation>Например, +7 916 123-45-67</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;Эл. почта:</translation>
    </message>
    <message>
        <source>Takes appointments</source>
        <translation>Ведёт приём</translation>
    </message>
    <message>
        <source>&amp;Active:</source>
        <translation>&amp;Активен:</translation>
    </message>
    <message>
        <source>An inactive doctor leaves the schedule; the history is kept.</source>
        <translation>Неактивный врач исчезает из расписания; история сохраняется.</translation>
    </message>
    <message>
        <source>— not linked —</source>
        <translation>— не связана —</translation>
    </message>
    <message>
        <source>Account #{0}</source>
        <translation>Учётная запись №{0}</translation>
    </message>
    <message>
        <source>&amp;User account:</source>
        <translation>&amp;Учётная запись:</translation>
    </message>
    <message>
        <source>The doctor&apos;s own sign-in, to see their appointments</source>
        <translation>Собственный вход врача, чтобы видеть свои записи</translation>
    </message>
    <message>
        <source>Only an administrator can link user accounts.</source>
        <translation>Связывать учётные записи может только администратор.</translation>
    </message>
    <message>
        <source>Working &amp;hours:</source>
        <translation>&amp;Часы работы:</translation>
    </message>
    <message>
        <source>Time off…</source>
        <translation>Отсутствия…</translation>
    </message>
    <message>
        <source>This doctor&apos;s vacations, days off and blocked hours</source>
        <translation>Отпуска, выходные и заблокированные часы этого врача</translation>
    </message>
</context>
<context>
    <name>DoctorsPage</name>
    <message>
        <source>Surname, specialty or phone digits</source>
        <translation>Фамилия, специальность или цифры телефона</translation>
    </message>
    <message>
        <source>Upcoming appointments</source>
        <translation>Предстоящие записи</translation>
    </message>
    <message>
        <source>No upcoming appointments.</source>
        <translation>Предстоящих записей нет.</translation>
    </message>
    <message>
        <source>Select a doctor to see their upcoming appointments.</source>
        <translation>Выберите врача, чтобы увидеть его предстоящие записи.</translation>
    </message>
</context>
<context>
    <name>DurationField</name>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n мин</numerusform>
            <numerusform>%n мин</numerusform>
            <numerusform>%n мин</numerusform>
        </translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>Другая…</translation>
    </message>
    <message>
        <source>Duration in minutes</source>
        <translation>Длительность в минутах</translation>
    </message>
    <message>
        <source> min</source>
        <translation> мин</translation>
    </message>
</context>
<context>
    <name>ExportAppointmentsDialog</name>
    <message>
        <source>Export appointments</source>
        <translation>Экспорт записей</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>Первый день</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Последний день</translation>
    </message>
    <message>
        <source>Doctor</source>
        <translation>Врач</translation>
    </message>
    <message>
        <source>All doctors</source>
        <translation>Все врачи</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Формат</translation>
    </message>
    <message>
        <source>CSV, for Excel and other spreadsheets</source>
        <translation>CSV — для Excel и других электронных таблиц</translation>
    </message>
    <message>
        <source>iCalendar (.ics), for calendar programs</source>
        <translation>iCalendar (.ics) — для программ-календарей</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;С:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;По:</translation>
    </message>
    <message>
        <source>&amp;Doctor:</source>
        <translation>&amp;Врач:</translation>
    </message>
    <message>
        <source>F&amp;ormat:</source>
        <translation>&amp;Формат:</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Экспорт…</translation>
    </message>
</context>
<context>
    <name>ExportPatientsDialog</name>
    <message>
        <source>Export patients</source>
        <translation>Экспорт пациентов</translation>
    </message>
    <message>
        <source>&amp;Active patients only</source>
        <translation>&amp;Только активные пациенты</translation>
    </message>
    <message>
        <source>Leave out deactivated patients</source>
        <translation>Не включать деактивированных пациентов</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Экспорт…</translation>
    </message>
    <message>
        <source>The file holds every patient&apos;s name, birth date, phone, e-mail and address: keep it where only staff can read it, and delete it when done.</source>
        <translation>В файле будут ФИО, дата рождения, телефон, эл. почта и адрес каждого пациента: храните его там, где его могут прочитать только сотрудники, и удалите, когда он станет не нужен.</translation>
    </message>
</context>
<context>
    <name>ExportRunner</name>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Файлы CSV (*.csv)</translation>
    </message>
    <message>
        <source>iCalendar files (*.ics)</source>
        <translation>Файлы iCalendar (*.ics)</translation>
    </message>
    <message>
        <source>Export to a file</source>
        <translation>Экспорт в файл</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Экспорт…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Экспорт</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) exported to {0}.</source>
        <translation>
            <numerusform>Экспортирована %n запись в {0}.</numerusform>
            <numerusform>Экспортировано %n записи в {0}.</numerusform>
            <numerusform>Экспортировано %n записей в {0}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Сохранить</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Discard changes?</source>
        <translation>Отменить изменения?</translation>
    </message>
    <message>
        <source>You have typed something in this form. Close it and lose it?</source>
        <translation>В этой форме есть введённые данные. Закрыть её и потерять их?</translation>
    </message>
    <message>
        <source>What you typed stays in this form.</source>
        <translation>Введённое остаётся в форме.</translation>
    </message>
    <message>
        <source>The connection to the database is back: press Save to save what you typed.</source>
        <translation>Связь с базой данных восстановлена: нажмите «Сохранить», чтобы сохранить введённое.</translation>
    </message>
    <message>
        <source>The saved version is in the form now.</source>
        <translation>Теперь в форме сохранённая версия.</translation>
    </message>
</context>
<context>
    <name>FreeTimeDialog</name>
    <message>
        <source>Find a free time</source>
        <translation>Поиск свободного времени</translation>
    </message>
    <message>
        <source>Doctor or specialty</source>
        <translation>Врач или специальность</translation>
    </message>
    <message>
        <source>Any {0}</source>
        <translation>Любой: {0}</translation>
    </message>
    <message>
        <source>From</source>
        <translation>С даты</translation>
    </message>
    <message>
        <source>Length in minutes</source>
        <translation>Длительность в минутах</translation>
    </message>
    <message>
        <source> min</source>
        <translation> мин</translation>
    </message>
    <message>
        <source>Free times</source>
        <translation>Свободное время</translation>
    </message>
    <message>
        <source>&amp;Book…</source>
        <translation>&amp;Записать…</translation>
    </message>
    <message>
        <source>Book the chosen time</source>
        <translation>Записать на выбранное время</translation>
    </message>
    <message>
        <source>&amp;Who:</source>
        <translation>&amp;Кто:</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;С:</translation>
    </message>
    <message>
        <source>&amp;Length:</source>
        <translation>&amp;Длительность:</translation>
    </message>
    <message>
        <source>No free time in the two weeks from that day.</source>
        <translation>В течение двух недель с этого дня свободного времени нет.</translation>
    </message>
</context>
<context>
    <name>FreeTimes</name>
    <message>
        <source>Free times</source>
        <translation>Свободное время</translation>
    </message>
    <message>
        <source>Free:</source>
        <translation>Свободно:</translation>
    </message>
</context>
<context>
    <name>HoursEditor</name>
    <message>
        <source>Day off</source>
        <translation>Выходной</translation>
    </message>
    <message>
        <source>Add hours on {0}</source>
        <translation>Добавить часы: {0}</translation>
    </message>
    <message>
        <source>Add working hours (a second interval makes a break)</source>
        <translation>Добавить часы работы (второй интервал означает перерыв)</translation>
    </message>
    <message>
        <source>Copy Monday to Tuesday–Friday</source>
        <translation>Скопировать понедельник на вторник–пятницу</translation>
    </message>
    <message>
        <source>{0}, interval {1}, start</source>
        <translation>{0}, интервал {1}, начало</translation>
    </message>
    <message>
        <source>{0}, interval {1}, end</source>
        <translation>{0}, интервал {1}, конец</translation>
    </message>
    <message>
        <source>Remove {0} interval {1}</source>
        <translation>Удалить интервал {1}: {0}</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Язык</translation>
    </message>
    <message>
        <source>&amp;Automatic (as the system)</source>
        <translation>&amp;Автоматически (как в системе)</translation>
    </message>
    <message>
        <source>The language could not be saved</source>
        <translation>Не удалось сохранить язык</translation>
    </message>
    <message>
        <source>The language changes the next time Heartbeat Desktop starts.</source>
        <translation>Язык сменится при следующем запуске Heartbeat Desktop.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Locked</source>
        <translation>Заблокировано</translation>
    </message>
    <message>
        <source>Signed in as {0}. Enter your password to continue.</source>
        <translation>Выполнен вход: {0}. Чтобы продолжить, введите пароль.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Пароль</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Разблокировать</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Разблокировать</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>&amp;Выйти из учётной записи</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Выйти</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Sign in</source>
        <translation>Вход</translation>
    </message>
    <message>
        <source>Sign in — {0}</source>
        <translation>Вход — {0}</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Имя пользователя</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Пароль</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Имя пользователя:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Пароль:</translation>
    </message>
    <message>
        <source>Database: opening…</source>
        <translation>База данных: открывается…</translation>
    </message>
    <message>
        <source>Sign &amp;in</source>
        <translation>&amp;Войти</translation>
    </message>
    <message>
        <source>&amp;Database…</source>
        <translation>&amp;База данных…</translation>
    </message>
    <message>
        <source>Database connection settings</source>
        <translation>Настройки подключения к базе данных</translation>
    </message>
    <message>
        <source>Database: {0}</source>
        <translation>База данных: {0}</translation>
    </message>
    <message>
        <source>Enter your user name and password.</source>
        <translation>Введите имя пользователя и пароль.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Pages</source>
        <translation>Страницы</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>Change &amp;password…</source>
        <translation>Сменить &amp;пароль…</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>&amp;Выйти из учётной записи</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Заблокировать</translation>
    </message>
    <message>
        <source>Locked.</source>
        <translation>Заблокировано.</translation>
    </message>
    <message>
        <source>&amp;Export appointments…</source>
        <translation>&amp;Экспорт записей…</translation>
    </message>
    <message>
        <source>Export pa&amp;tients…</source>
        <translation>Экспорт па&amp;циентов…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>В&amp;ыход</translation>
    </message>
    <message>
        <source>&amp;Records</source>
        <translation>&amp;Данные</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Создать</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Найти</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Обновить</translation>
    </message>
    <message>
        <source>&amp;Import patients…</source>
        <translation>&amp;Импорт пациентов…</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>Пере&amp;ход</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>С&amp;ервис</translation>
    </message>
    <message>
        <source>&amp;Visit types…</source>
        <translation>&amp;Типы визитов…</translation>
    </message>
    <message>
        <source>&amp;Back up the database…</source>
        <translation>&amp;Резервная копия базы данных…</translation>
    </message>
    <message>
        <source>&amp;Restore from a backup…</source>
        <translation>&amp;Восстановить из резервной копии…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Справ&amp;ка</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Сочетания клавиш</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>&amp;О программе</translation>
    </message>
    <message>
        <source>Session: {0} h {1:02d} min left</source>
        <translation>Сеанс: осталось {0} ч {1:02d} мин</translation>
    </message>
    <message>
        <source>{0} {1}
Database: {2}</source>
        <translation>{0} {1}
База данных: {2}</translation>
    </message>
    <message>
        <source>Password changed. Other desks signed in as you must sign in again.</source>
        <translation>Пароль изменён. На других рабочих местах под вашей учётной записью нужно войти заново.</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge patient records</source>
        <translation>Объединение записей пациента</translation>
    </message>
    <message>
        <source>The other record</source>
        <translation>Другая запись</translation>
    </message>
    <message>
        <source>Type the other record&apos;s surname, phone or birth date and choose it</source>
        <translation>Введите фамилию, телефон или дату рождения другой записи и выберите её</translation>
    </message>
    <message>
        <source>Keep &amp;this record: {0}</source>
        <translation>Оставить &amp;эту запись: {0}</translation>
    </message>
    <message>
        <source>Keep this record</source>
        <translation>Оставить эту запись</translation>
    </message>
    <message>
        <source>Keep the &amp;other record</source>
        <translation>Оставить &amp;другую запись</translation>
    </message>
    <message>
        <source>Keep the other record</source>
        <translation>Оставить другую запись</translation>
    </message>
    <message>
        <source>O&amp;ther record:</source>
        <translation>Д&amp;ругая запись:</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>Рядом</translation>
    </message>
    <message>
        <source>Choose the other record.</source>
        <translation>Выберите другую запись.</translation>
    </message>
    <message>
        <source>What moves</source>
        <translation>Что переносится</translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation>&amp;Объединить</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Объединить</translation>
    </message>
    <message>
        <source>Choose another patient: a record cannot be merged with itself.</source>
        <translation>Выберите другого пациента: запись нельзя объединить саму с собой.</translation>
    </message>
    <message>
        <source>Moves to the kept record: {0} appointment(s) with {1} status change(s), {2} waitlist entr(ies), {3} series. The other record is deactivated and marked as merged; it is not deleted, and the merge can be undone.</source>
        <translation>Переходит в сохраняемую запись: записей на приём — {0} (смен статуса — {1}), записей в листе ожидания — {2}, серий — {3}. Другая запись отключается и помечается как объединённая; она не удаляется, объединение можно отменить.</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <source>Kept record</source>
        <translation>Сохраняемая запись</translation>
    </message>
    <message>
        <source>Merged record</source>
        <translation>Объединяемая запись</translation>
    </message>
    <message>
        <source>Take</source>
        <translation>Взять</translation>
    </message>
    <message>
        <source>Take the {0} from the merged record</source>
        <translation>Взять поле «{0}» из объединяемой записи</translation>
    </message>
    <message>
        <source>Merge {0} into {1}? Everything of the merged record moves to the kept one.</source>
        <translation>Объединить {0} с {1}? Всё из объединяемой записи перейдёт в сохраняемую.</translation>
    </message>
</context>
<context>
    <name>MergesDialog</name>
    <message>
        <source>Merges of patient records</source>
        <translation>Объединения записей пациентов</translation>
    </message>
    <message>
        <source>Newest first. Undo puts back what a merge moved and filled in, unless it was changed since.</source>
        <translation>Сначала новые. Отмена возвращает то, что объединение перенесло и заполнило, если это с тех пор не менялось.</translation>
    </message>
    <message>
        <source>&amp;Undo merge</source>
        <translation>&amp;Отменить объединение</translation>
    </message>
    <message>
        <source>Undo merge</source>
        <translation>Отменить объединение</translation>
    </message>
    <message>
        <source>The merge was not undone</source>
        <translation>Объединение не отменено</translation>
    </message>
    <message>
        <source>Undo the merge of {0} into {1}? What it moved goes back, and {0}&apos;s record is as it was.</source>
        <translation>Отменить объединение {0} с {1}? Перенесённое вернётся, и запись {0} станет такой, как была.</translation>
    </message>
</context>
<context>
    <name>OccurrenceModel</name>
    <message>
        <source>Visit</source>
        <translation>Визит</translation>
    </message>
    <message>
        <source>Free?</source>
        <translation>Свободно?</translation>
    </message>
    <message>
        <source>Instead</source>
        <translation>Вместо этого</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>Свободно</translation>
    </message>
    <message>
        <source>no free time found: skipped</source>
        <translation>свободного времени нет: пропущен</translation>
    </message>
</context>
<context>
    <name>PatientCard</name>
    <message>
        <source>Patient card</source>
        <translation>Карточка пациента</translation>
    </message>
    <message>
        <source>Select a patient to see their details and visits.</source>
        <translation>Выберите пациента, чтобы увидеть его данные и визиты.</translation>
    </message>
    <message>
        <source>Upcoming visits</source>
        <translation>Предстоящие визиты</translation>
    </message>
    <message>
        <source>No upcoming visits.</source>
        <translation>Предстоящих визитов нет.</translation>
    </message>
    <message>
        <source>History</source>
        <translation>История</translation>
    </message>
    <message>
        <source>No past visits.</source>
        <translation>Прошедших визитов нет.</translation>
    </message>
</context>
<context>
    <name>PatientDetails</name>
    <message>
        <source>Patient</source>
        <translation>Пациент</translation>
    </message>
    <message>
        <source>Patient details</source>
        <translation>Данные пациента</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>ФИО</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Дата рождения</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <source>Born:</source>
        <translation>Дата рождения:</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Телефон:</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>Эл. почта:</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Адрес:</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Заметки:</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>{0} (inactive)</source>
        <translation>{0} (неактивен)</translation>
    </message>
    <message>
        <source>{0} (age {1})</source>
        <translation>{0} (возраст {1})</translation>
    </message>
</context>
<context>
    <name>PatientForm</name>
    <message>
        <source>New patient</source>
        <translation>Новый пациент</translation>
    </message>
    <message>
        <source>Patient: {0}</source>
        <translation>Пациент: {0}</translation>
    </message>
    <message>
        <source>&amp;Last name:</source>
        <translation>&amp;Фамилия:</translation>
    </message>
    <message>
        <source>&amp;First name:</source>
        <translation>&amp;Имя:</translation>
    </message>
    <message>
        <source>&amp;Middle name:</source>
        <translation>&amp;Отчество:</translation>
    </message>
    <message>
        <source>Patronymic, if any</source>
        <translation>Отчество, если есть</translation>
    </message>
    <message>
        <source>&amp;Birth date:</source>
        <translation>Дата &amp;рождения:</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Женский</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Мужской</translation>
    </message>
    <message>
        <source>&amp;Sex:</source>
        <translation>П&amp;ол:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Телефон:</translation>
    </message>
    <message>
        <source>For example +7 916 123-45-67</source>
        <translation>Например, +7 916 123-45-67</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;Эл. почта:</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Адрес:</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>&amp;Заметки:</translation>
    </message>
    <message>
        <source>Enter the date as {0}, for example {1}.</source>
        <translation>Введите дату в виде {0}, например {1}.</translation>
    </message>
    <message>
        <source>Possible duplicate</source>
        <translation>Возможный дубликат</translation>
    </message>
    <message>
        <source>These patients look the same:

{0}

Register a new patient anyway?</source>
        <translation>Эти пациенты выглядят так же:

{0}

Всё равно зарегистрировать нового пациента?</translation>
    </message>
    <message>
        <source>Possible duplicates</source>
        <translation>Возможные дубликаты</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>От&amp;крыть</translation>
    </message>
    <message>
        <source>Open the selected patient&apos;s record</source>
        <translation>Открыть запись выбранного пациента</translation>
    </message>
    <message>
        <source>Possible duplicate: this patient may already be registered ({0} alike, most alike first). Open a record to check; you can still save a new one.</source>
        <translation>Возможный дубликат: этот пациент, возможно, уже зарегистрирован (похожих: {0}, самые похожие первыми). Откройте запись, чтобы проверить; новую запись всё равно можно сохранить.</translation>
    </message>
</context>
<context>
    <name>PatientImportDialog</name>
    <message>
        <source>Import patients</source>
        <translation>Импорт пациентов</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Назад</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Далее &gt;</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Импортировать</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Choose a CSV file saved from Excel, LibreOffice or another program. The first row must name the columns. Nothing is stored until you press Import at the last step.</source>
        <translation>Выберите файл CSV, сохранённый из Excel, LibreOffice или другой программы. В первой строке должны быть названия столбцов. Ничего не сохраняется, пока вы не нажмёте «Импортировать» на последнем шаге.</translation>
    </message>
    <message>
        <source>The file to import</source>
        <translation>Файл для импорта</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>&amp;Выбрать…</translation>
    </message>
    <message>
        <source>Which column holds what? The guesses are filled in; a full name column is split into last, first and middle name.</source>
        <translation>Какой столбец что содержит? Предполагаемые соответствия уже выбраны; столбец с ФИО разбивается на фамилию, имя и отчество.</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>ФИО</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Фамилия</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Middle name</source>
        <translation>Отчество</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Дата рождения</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Пол</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <source>{0}:</source>
        <translation>{0}:</translation>
    </message>
    <message>
        <source>Show only rows with &amp;problems</source>
        <translation>Только строки с &amp;замечаниями</translation>
    </message>
    <message>
        <source>The rows of the file</source>
        <translation>Строки файла</translation>
    </message>
    <message>
        <source>Store the good rows; leave out the rejected ones</source>
        <translation>Сохранить подходящие строки, отклонённые пропустить</translation>
    </message>
    <message>
        <source>All or nothing: store nothing if any row is rejected</source>
        <translation>Всё или ничего: ничего не сохранять, если отклонена хотя бы одна строка</translation>
    </message>
    <message>
        <source>Step 1 of 4: the file</source>
        <translation>Шаг 1 из 4: файл</translation>
    </message>
    <message>
        <source>Step 2 of 4: the columns</source>
        <translation>Шаг 2 из 4: столбцы</translation>
    </message>
    <message>
        <source>Step 3 of 4: check the rows</source>
        <translation>Шаг 3 из 4: проверка строк</translation>
    </message>
    <message>
        <source>Step 4 of 4: done</source>
        <translation>Шаг 4 из 4: готово</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Import %n patient(s)</source>
        <translation>
            <numerusform>&amp;Импортировать %n пациента</numerusform>
            <numerusform>&amp;Импортировать %n пациентов</numerusform>
            <numerusform>&amp;Импортировать %n пациентов</numerusform>
        </translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>commas</source>
        <translation>запятая</translation>
    </message>
    <message>
        <source>semicolons</source>
        <translation>точка с запятой</translation>
    </message>
    <message>
        <source>tabs</source>
        <translation>табуляция</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s); columns: {0}. Read as {1}, separated by {2}.</source>
        <translation>
            <numerusform>%n строка; столбцы: {0}. Кодировка: {1}, разделитель: {2}.</numerusform>
            <numerusform>%n строки; столбцы: {0}. Кодировка: {1}, разделитель: {2}.</numerusform>
            <numerusform>%n строк; столбцы: {0}. Кодировка: {1}, разделитель: {2}.</numerusform>
        </translation>
    </message>
    <message>
        <source>— not in the file —</source>
        <translation>— нет в файле —</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) can be imported</source>
        <translation>
            <numerusform>%n строку можно импортировать</numerusform>
            <numerusform>%n строки можно импортировать</numerusform>
            <numerusform>%n строк можно импортировать</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) are rejected (see why in the Status column)</source>
        <translation>
            <numerusform>%n строка отклонена (причина — в столбце «Статус»)</numerusform>
            <numerusform>%n строки отклонены (причина — в столбце «Статус»)</numerusform>
            <numerusform>%n строк отклонено (причина — в столбце «Статус»)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) may be patients already registered: tick those to import anyway</source>
        <translation>
            <numerusform>%n строка, возможно, — уже зарегистрированный пациент: отметьте её, чтобы всё равно импортировать</numerusform>
            <numerusform>%n строки, возможно, — уже зарегистрированные пациенты: отметьте те, что всё равно нужно импортировать</numerusform>
            <numerusform>%n строк, возможно, — уже зарегистрированные пациенты: отметьте те, что всё равно нужно импортировать</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n patient(s) imported.</source>
        <translation>
            <numerusform>Импортирован %n пациент.</numerusform>
            <numerusform>Импортировано %n пациента.</numerusform>
            <numerusform>Импортировано %n пациентов.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing was imported: %n row(s) are rejected, and you chose all or nothing.</source>
        <translation>
            <numerusform>Ничего не импортировано: %n строка отклонена, а выбран режим «всё или ничего».</numerusform>
            <numerusform>Ничего не импортировано: %n строки отклонены, а выбран режим «всё или ничего».</numerusform>
            <numerusform>Ничего не импортировано: %n строк отклонено, а выбран режим «всё или ничего».</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) rejected.</source>
        <translation>
            <numerusform>Отклонена %n строка.</numerusform>
            <numerusform>Отклонено %n строки.</numerusform>
            <numerusform>Отклонено %n строк.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n possible duplicate(s) left out.</source>
        <translation>
            <numerusform>Пропущен %n возможный дубликат.</numerusform>
            <numerusform>Пропущено %n возможных дубликата.</numerusform>
            <numerusform>Пропущено %n возможных дубликатов.</numerusform>
        </translation>
    </message>
    <message>
        <source>The rows left out are written, with the reason for each, to:
{0}</source>
        <translation>Пропущенные строки с причиной для каждой записаны в файл:
{0}</translation>
    </message>
</context>
<context>
    <name>PatientPicker</name>
    <message>
        <source>Type a surname, phone digits or a birth date</source>
        <translation>Введите фамилию, цифры телефона или дату рождения</translation>
    </message>
    <message>
        <source>Matching patients</source>
        <translation>Подходящие пациенты</translation>
    </message>
    <message>
        <source>(deactivated)</source>
        <translation>(деактивирован)</translation>
    </message>
</context>
<context>
    <name>PatientsPage</name>
    <message>
        <source>Surname, phone digits or birth date (dd.mm.yyyy)</source>
        <translation>Фамилия, цифры телефона или дата рождения (дд.мм.гггг)</translation>
    </message>
    <message>
        <source>&amp;Merge…</source>
        <translation>&amp;Объединить…</translation>
    </message>
    <message>
        <source>Merge the selected patient&apos;s record with another</source>
        <translation>Объединить запись выбранного пациента с другой</translation>
    </message>
    <message>
        <source>Merges…</source>
        <translation>Объединения…</translation>
    </message>
    <message>
        <source>Merges of patient records, and undoing one</source>
        <translation>Объединения записей пациентов и их отмена</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message numerus="yes">
        <source>{0}, late %n min</source>
        <translation>
            <numerusform>{0}, опаздывает на %n минуту</numerusform>
            <numerusform>{0}, опаздывает на %n минуты</numerusform>
            <numerusform>{0}, опаздывает на %n минут</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QueuePage</name>
    <message>
        <source>Queue</source>
        <translation>Очередь</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>День</translation>
    </message>
    <message>
        <source>Queue summary</source>
        <translation>Итоги очереди</translation>
    </message>
    <message>
        <source>Today&apos;s queue</source>
        <translation>Очередь на сегодня</translation>
    </message>
    <message>
        <source>Space: the selected patient has arrived</source>
        <translation>Пробел: выбранный пациент пришёл</translation>
    </message>
    <message>
        <source>Patient arrived</source>
        <translation>Пациент пришёл</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <source>Today, {0}</source>
        <translation>Сегодня, {0}</translation>
    </message>
    <message numerus="yes">
        <source>%n visits: {0} waiting, {1} late, {2} done</source>
        <translation>
            <numerusform>%n визит: ожидают — {0}, опаздывают — {1}, завершено — {2}</numerusform>
            <numerusform>%n визита: ожидают — {0}, опаздывают — {1}, завершено — {2}</numerusform>
            <numerusform>%n визитов: ожидают — {0}, опаздывают — {1}, завершено — {2}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecordsPage</name>
    <message>
        <source>Search</source>
        <translation>Поиск</translation>
    </message>
    <message>
        <source>Matching records</source>
        <translation>Найденное</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Создать</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Создать</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Изменить</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Изменить</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Удалить</translation>
    </message>
    <message>
        <source>Delete {0}? This cannot be undone.</source>
        <translation>Удалить: {0}? Это нельзя отменить.</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n запись</numerusform>
            <numerusform>%n записи</numerusform>
            <numerusform>%n записей</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RestoreRunner</name>
    <message>
        <source>Restore from a backup</source>
        <translation>Восстановление из резервной копии</translation>
    </message>
    <message>
        <source>Replace all the data in this database with the backup {0}?

A copy of the data as it is now is made first, and you are told where it is. Everyone signs in again afterwards.</source>
        <translation>Заменить все данные в этой базе резервной копией {0}?

Сначала будет сделана копия текущих данных, и вам сообщат, где она. После этого всем нужно будет войти заново.</translation>
    </message>
    <message>
        <source>Restoring the database…</source>
        <translation>Восстановление базы данных…</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Восстановление</translation>
    </message>
    <message>
        <source>The database was restored from {0}. The data it replaced is kept in {1}. Sign in again.</source>
        <translation>База данных восстановлена из {0}. Заменённые данные сохранены в {1}. Войдите заново.</translation>
    </message>
</context>
<context>
    <name>SchedulePage</name>
    <message>
        <source>Schedule</source>
        <translation>Расписание</translation>
    </message>
    <message>
        <source>◀ &amp;Previous</source>
        <translation>◀ &amp;Предыдущий</translation>
    </message>
    <message>
        <source>Previous day</source>
        <translation>Предыдущий день</translation>
    </message>
    <message>
        <source>T&amp;oday</source>
        <translation>&amp;Сегодня</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Сегодня</translation>
    </message>
    <message>
        <source>&amp;Next ▶</source>
        <translation>С&amp;ледующий ▶</translation>
    </message>
    <message>
        <source>Next day</source>
        <translation>Следующий день</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>День</translation>
    </message>
    <message>
        <source>Doctor</source>
        <translation>Врач</translation>
    </message>
    <message>
        <source>All doctors</source>
        <translation>Все врачи</translation>
    </message>
    <message>
        <source>Day summary</source>
        <translation>Итоги дня</translation>
    </message>
    <message>
        <source>Do&amp;ctor:</source>
        <translation>&amp;Врач:</translation>
    </message>
    <message>
        <source>Time off…</source>
        <translation>Отсутствия…</translation>
    </message>
    <message>
        <source>Vacations, days off, blocked hours and holidays</source>
        <translation>Отпуска, выходные, заблокированные часы и праздники</translation>
    </message>
    <message>
        <source>Fin&amp;d a free time…</source>
        <translation>На&amp;йти свободное время…</translation>
    </message>
    <message>
        <source>The next free times of a doctor or a specialty</source>
        <translation>Ближайшее свободное время врача или специальности</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Изменить…</translation>
    </message>
    <message>
        <source>Edit appointment</source>
        <translation>Изменить запись</translation>
    </message>
    <message>
        <source>&amp;Book…</source>
        <translation>&amp;Записать…</translation>
    </message>
    <message>
        <source>Book the selected slot</source>
        <translation>Записать на выбранное время</translation>
    </message>
    <message>
        <source>Print da&amp;y sheet…</source>
        <translation>Пе&amp;чать листа приёма…</translation>
    </message>
    <message>
        <source>Print the day&apos;s visits of the doctor shown (of each doctor: a page each)</source>
        <translation>Напечатать визиты выбранного врача за день (при всех врачах — каждого на отдельной странице)</translation>
    </message>
    <message>
        <source>Sa&amp;ve day sheet as PDF…</source>
        <translation>Сохранить лист приё&amp;ма в PDF…</translation>
    </message>
    <message>
        <source>Save the day sheet as a PDF file</source>
        <translation>Сохранить лист приёма в файл PDF</translation>
    </message>
    <message>
        <source>Time off for this doctor…</source>
        <translation>Отсутствия этого врача…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message numerus="yes">
        <source>%n appointment(s)</source>
        <translation>
            <numerusform>%n запись</numerusform>
            <numerusform>%n записи</numerusform>
            <numerusform>%n записей</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScheduleView</name>
    <message>
        <source>Day schedule</source>
        <translation>Расписание на день</translation>
    </message>
</context>
<context>
    <name>SeriesDialog</name>
    <message>
        <source>Repeat the visit</source>
        <translation>Повтор визита</translation>
    </message>
    <message>
        <source>Every how many weeks</source>
        <translation>Раз в сколько недель</translation>
    </message>
    <message>
        <source> week(s)</source>
        <translation> нед.</translation>
    </message>
    <message>
        <source>&amp;After</source>
        <translation>&amp;После</translation>
    </message>
    <message>
        <source>&amp;Until</source>
        <translation>&amp;До</translation>
    </message>
    <message>
        <source>Number of visits</source>
        <translation>Число визитов</translation>
    </message>
    <message>
        <source> visits</source>
        <translation> виз.</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Последний день</translation>
    </message>
    <message>
        <source>The visits of the series</source>
        <translation>Визиты серии</translation>
    </message>
    <message>
        <source>Book the ticked visits</source>
        <translation>Записать отмеченные визиты</translation>
    </message>
    <message>
        <source>On:</source>
        <translation>По дням:</translation>
    </message>
    <message>
        <source>&amp;Every:</source>
        <translation>&amp;Каждые:</translation>
    </message>
    <message>
        <source>Ends:</source>
        <translation>Окончание:</translation>
    </message>
    <message>
        <source>Tick at least one weekday.</source>
        <translation>Отметьте хотя бы один день недели.</translation>
    </message>
    <message numerus="yes">
        <source>%n visit(s) cannot be booked as asked: the nearest free time is offered instead (untick to skip).</source>
        <translation>
            <numerusform>%n визит нельзя записать как задано: вместо него предложено ближайшее свободное время (снимите отметку, чтобы пропустить).</numerusform>
            <numerusform>%n визита нельзя записать как задано: вместо них предложено ближайшее свободное время (снимите отметку, чтобы пропустить).</numerusform>
            <numerusform>%n визитов нельзя записать как задано: вместо них предложено ближайшее свободное время (снимите отметку, чтобы пропустить).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Book %n visit(s)</source>
        <translation>
            <numerusform>Записать %n визит</numerusform>
            <numerusform>Записать %n визита</numerusform>
            <numerusform>Записать %n визитов</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SessionHolder</name>
    <message>
        <source>Locked after a period of inactivity.</source>
        <translation>Заблокировано после периода бездействия.</translation>
    </message>
    <message>
        <source>Your session has expired.</source>
        <translation>Ваш сеанс истёк.</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <source>Create the administrator</source>
        <translation>Создание администратора</translation>
    </message>
    <message>
        <source>Welcome to {0}</source>
        <translation>Добро пожаловать в {0}</translation>
    </message>
    <message>
        <source>No accounts exist yet. Create the administrator account; there is no default password.</source>
        <translation>Учётных записей пока нет. Создайте учётную запись администратора; пароля по умолчанию нет.</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Имя пользователя</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>ФИО</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Пароль</translation>
    </message>
    <message>
        <source>Repeat the password</source>
        <translation>Повторите пароль</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Имя пользователя:</translation>
    </message>
    <message>
        <source>&amp;Full name:</source>
        <translation>&amp;ФИО:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Пароль:</translation>
    </message>
    <message>
        <source>&amp;Repeat password:</source>
        <translation>Повторите п&amp;ароль:</translation>
    </message>
    <message>
        <source>&amp;Create and sign in</source>
        <translation>&amp;Создать и войти</translation>
    </message>
    <message>
        <source>Choose a user name.</source>
        <translation>Придумайте имя пользователя.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Пароли не совпадают.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>{0} menu</source>
        <translation>Меню «{0}»</translation>
    </message>
    <message>
        <source>Go to: {0}</source>
        <translation>Перейти к полю: {0}</translation>
    </message>
    <message>
        <source>Menus (every page)</source>
        <translation>Меню (на любой странице)</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Сочетания клавиш</translation>
    </message>
    <message>
        <source>Every shortcut of this window, grouped by page</source>
        <translation>Все сочетания клавиш этого окна по страницам</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Клавиши</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
</context>
<context>
    <name>StaleDialog</name>
    <message>
        <source>Saved at another desk</source>
        <translation>Сохранено на другом рабочем месте</translation>
    </message>
    <message>
        <source>Their values and yours</source>
        <translation>Их значения и ваши</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <source>Saved there</source>
        <translation>Сохранено там</translation>
    </message>
    <message>
        <source>Yours</source>
        <translation>Ваше</translation>
    </message>
    <message>
        <source>Use &amp;their version</source>
        <translation>Взять &amp;их версию</translation>
    </message>
    <message>
        <source>Load the saved version into the form</source>
        <translation>Загрузить сохранённую версию в форму</translation>
    </message>
    <message>
        <source>Save &amp;mine on top</source>
        <translation>Сохранить &amp;мою поверх</translation>
    </message>
    <message>
        <source>Save the fields you changed over the saved version</source>
        <translation>Записать изменённые вами поля поверх сохранённой версии</translation>
    </message>
</context>
<context>
    <name>StartField</name>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Start time</source>
        <translation>Время начала</translation>
    </message>
    <message>
        <source>Type the time (1730 or 17:30); arrow keys move the minutes in 5-minute steps</source>
        <translation>Введите время (1730 или 17:30); клавиши со стрелками меняют минуты с шагом 5 минут</translation>
    </message>
</context>
<context>
    <name>StatusActions</name>
    <message>
        <source>&amp;Arrived</source>
        <translation>При&amp;шёл</translation>
    </message>
    <message>
        <source>The patient has arrived</source>
        <translation>Пациент пришёл</translation>
    </message>
    <message>
        <source>&amp;In progress</source>
        <translation>&amp;На приёме</translation>
    </message>
    <message>
        <source>The visit has begun</source>
        <translation>Приём начался</translation>
    </message>
    <message>
        <source>Co&amp;mpleted</source>
        <translation>Заве&amp;ршён</translation>
    </message>
    <message>
        <source>The visit is over</source>
        <translation>Приём окончен</translation>
    </message>
    <message>
        <source>No-&amp;show</source>
        <translation>Не &amp;явился</translation>
    </message>
    <message>
        <source>The patient did not come</source>
        <translation>Пациент не пришёл</translation>
    </message>
    <message>
        <source>Cance&amp;l visit</source>
        <translation>&amp;Отменить визит</translation>
    </message>
    <message>
        <source>Cancel this appointment</source>
        <translation>Отменить эту запись</translation>
    </message>
    <message>
        <source>Bac&amp;k to scheduled</source>
        <translation>Верну&amp;ть в «Записан»</translation>
    </message>
    <message>
        <source>Undo: the appointment is scheduled again</source>
        <translation>Отмена: запись снова в статусе «Записан»</translation>
    </message>
    <message>
        <source>&amp;Undo status</source>
        <translation>Отк&amp;атить статус</translation>
    </message>
    <message>
        <source>Undo last status change</source>
        <translation>Откатить последнюю смену статуса</translation>
    </message>
    <message>
        <source>Put the status back to what it was before the last change</source>
        <translation>Вернуть статус, который был до последнего изменения</translation>
    </message>
    <message>
        <source>Cancel a recurring visit</source>
        <translation>Отмена повторяющегося визита</translation>
    </message>
    <message>
        <source>This visit is one of a series. Cancel which visits?</source>
        <translation>Этот визит входит в серию. Какие визиты отменить?</translation>
    </message>
</context>
<context>
    <name>StatusHistoryView</name>
    <message>
        <source>Status history</source>
        <translation>История статусов</translation>
    </message>
    <message>
        <source>The status history could not be loaded.</source>
        <translation>Не удалось загрузить историю статусов.</translation>
    </message>
    <message>
        <source>Status history:</source>
        <translation>История статусов:</translation>
    </message>
</context>
<context>
    <name>TimeOffDialog</name>
    <message>
        <source>Time off</source>
        <translation>Отсутствия</translation>
    </message>
    <message>
        <source>Doctor</source>
        <translation>Врач</translation>
    </message>
    <message>
        <source>Whole clinic (holiday)</source>
        <translation>Вся клиника (праздник)</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>&amp;Whole days</source>
        <translation>&amp;Целые дни</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Добавить</translation>
    </message>
    <message>
        <source>Add this time off</source>
        <translation>Добавить это отсутствие</translation>
    </message>
    <message>
        <source>Coming up</source>
        <translation>Предстоящие</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Убрать</translation>
    </message>
    <message>
        <source>Remove the selected time off</source>
        <translation>Убрать выбранное отсутствие</translation>
    </message>
    <message>
        <source>&amp;Doctor:</source>
        <translation>&amp;Врач:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Вид:</translation>
    </message>
    <message>
        <source>to</source>
        <translation>по</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;С:</translation>
    </message>
    <message>
        <source>&amp;Hours:</source>
        <translation>&amp;Часы:</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>П&amp;ричина:</translation>
    </message>
    <message>
        <source>Coming up:</source>
        <translation>Предстоящие:</translation>
    </message>
    <message numerus="yes">
        <source>
…and %n more</source>
        <translation>
            <numerusform>
…и ещё %n</numerusform>
            <numerusform>
…и ещё %n</numerusform>
            <numerusform>
…и ещё %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Visits already booked</source>
        <translation>Уже есть записи</translation>
    </message>
    <message numerus="yes">
        <source>%n visit(s) are booked in this time:
{0}{1}

Add the time off anyway? The visits stay booked until you move or cancel them.</source>
        <translation>
            <numerusform>На это время уже записан %n визит:
{0}{1}

Всё равно добавить отсутствие? Визит останется в силе, пока вы его не перенесёте или не отмените.</numerusform>
            <numerusform>На это время уже записано %n визита:
{0}{1}

Всё равно добавить отсутствие? Визиты останутся в силе, пока вы их не перенесёте или не отмените.</numerusform>
            <numerusform>На это время уже записано %n визитов:
{0}{1}

Всё равно добавить отсутствие? Визиты останутся в силе, пока вы их не перенесёте или не отмените.</numerusform>
        </translation>
    </message>
    <message>
        <source>Whole clinic</source>
        <translation>Вся клиника</translation>
    </message>
</context>
<context>
    <name>UserForm</name>
    <message>
        <source>New user account</source>
        <translation>Новая учётная запись</translation>
    </message>
    <message>
        <source>User account: {0}</source>
        <translation>Учётная запись: {0}</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Имя пользователя:</translation>
    </message>
    <message>
        <source>What the person types to sign in; cannot be changed later</source>
        <translation>То, что человек вводит при входе; потом изменить нельзя</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Имя пользователя</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>Имя пользователя:</translation>
    </message>
    <message>
        <source>&amp;Full name:</source>
        <translation>&amp;ФИО:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Роль:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Пароль:</translation>
    </message>
    <message>
        <source>Password rules</source>
        <translation>Требования к паролю</translation>
    </message>
    <message>
        <source>&amp;Repeat password:</source>
        <translation>Повторите п&amp;ароль:</translation>
    </message>
    <message>
        <source>Can sign in</source>
        <translation>Может входить</translation>
    </message>
    <message>
        <source>&amp;Active:</source>
        <translation>&amp;Активен:</translation>
    </message>
    <message>
        <source>A deactivated account keeps its history but cannot sign in.</source>
        <translation>Деактивированная учётная запись сохраняет историю, но войти с ней нельзя.</translation>
    </message>
    <message>
        <source>Squee&amp;ze in:</source>
        <translation>Пове&amp;рх записи:</translation>
    </message>
    <message>
        <source>May book over another visit (emergencies)</source>
        <translation>Может записывать поверх другого визита (экстренные случаи)</translation>
    </message>
    <message>
        <source>Such a visit needs a written reason; it is marked on the schedule and in the audit log.</source>
        <translation>Для такого визита нужна письменная причина; он отмечается в расписании и в журнале аудита.</translation>
    </message>
    <message>
        <source>The passwords do not match.</source>
        <translation>Пароли не совпадают.</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <source>Reset &amp;password…</source>
        <translation>Сбросить &amp;пароль…</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>Сброс пароля</translation>
    </message>
    <message>
        <source>Set a temporary password for the selected user</source>
        <translation>Задать временный пароль выбранному пользователю</translation>
    </message>
    <message>
        <source>Re&amp;activate</source>
        <translation>Акти&amp;вировать</translation>
    </message>
    <message>
        <source>Reactivate</source>
        <translation>Активировать</translation>
    </message>
    <message>
        <source>Let the selected deactivated account sign in again</source>
        <translation>Снова разрешить вход выбранной деактивированной учётной записи</translation>
    </message>
    <message>
        <source>User name or full name</source>
        <translation>Имя пользователя или ФИО</translation>
    </message>
    <message>
        <source>&amp;Deactivate</source>
        <translation>Де&amp;активировать</translation>
    </message>
    <message>
        <source>Deactivate {0}? The account can no longer sign in; its history is kept.</source>
        <translation>Деактивировать {0}? С этой учётной записью больше нельзя будет войти; история сохранится.</translation>
    </message>
    <message>
        <source>Temporary password for {0}.
{1}
They must choose their own at the next sign-in.</source>
        <translation>Временный пароль для {0}.
{1}
При следующем входе нужно будет придумать свой.</translation>
    </message>
    <message>
        <source>Password reset</source>
        <translation>Пароль сброшен</translation>
    </message>
    <message>
        <source>The password of {0} was reset.</source>
        <translation>Пароль {0} сброшен.</translation>
    </message>
</context>
<context>
    <name>VisitTypesDialog</name>
    <message>
        <source>Visit types</source>
        <translation>Типы визитов</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Usual length in minutes</source>
        <translation>Обычная длительность в минутах</translation>
    </message>
    <message>
        <source> min</source>
        <translation> мин</translation>
    </message>
    <message>
        <source>Colour on the schedule</source>
        <translation>Цвет в расписании</translation>
    </message>
    <message>
        <source>Offered when booking</source>
        <translation>Предлагается при записи</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Создать</translation>
    </message>
    <message>
        <source>A new visit type</source>
        <translation>Новый тип визита</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Сохранить</translation>
    </message>
    <message>
        <source>Save this visit type</source>
        <translation>Сохранить этот тип визита</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Удалить</translation>
    </message>
    <message>
        <source>Delete this visit type</source>
        <translation>Удалить этот тип визита</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Название:</translation>
    </message>
    <message>
        <source>&amp;Length:</source>
        <translation>&amp;Длительность:</translation>
    </message>
    <message>
        <source>&amp;Colour:</source>
        <translation>&amp;Цвет:</translation>
    </message>
    <message numerus="yes">
        <source>{0} — %n min</source>
        <translation>
            <numerusform>{0} — %n мин</numerusform>
            <numerusform>{0} — %n мин</numerusform>
            <numerusform>{0} — %n мин</numerusform>
        </translation>
    </message>
    <message>
        <source>{0} (inactive)</source>
        <translation>{0} (неактивен)</translation>
    </message>
    <message>
        <source>Colour of this visit type</source>
        <translation>Цвет этого типа визита</translation>
    </message>
</context>
<context>
    <name>WaitlistEntryDialog</name>
    <message>
        <source>Add to the waitlist</source>
        <translation>Добавление в лист ожидания</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Пациент</translation>
    </message>
    <message>
        <source>Doctor</source>
        <translation>Врач</translation>
    </message>
    <message>
        <source>Any doctor of the specialty</source>
        <translation>Любой врач этой специальности</translation>
    </message>
    <message>
        <source>Specialty</source>
        <translation>Специальность</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Минуты</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Заметка</translation>
    </message>
    <message>
        <source>&amp;Patient:</source>
        <translation>&amp;Пациент:</translation>
    </message>
    <message>
        <source>&amp;Doctor:</source>
        <translation>&amp;Врач:</translation>
    </message>
    <message>
        <source>&amp;Specialty:</source>
        <translation>&amp;Специальность:</translation>
    </message>
    <message>
        <source>Days:</source>
        <translation>Дни:</translation>
    </message>
    <message>
        <source>&amp;Between:</source>
        <translation>&amp;С … до:</translation>
    </message>
    <message>
        <source>&amp;Minutes:</source>
        <translation>&amp;Минуты:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Заметка:</translation>
    </message>
    <message>
        <source>Choose the patient from the list.</source>
        <translation>Выберите пациента из списка.</translation>
    </message>
</context>
<context>
    <name>WaitlistOfferDialog</name>
    <message>
        <source>Offer the slot to the waitlist</source>
        <translation>Предложить время листу ожидания</translation>
    </message>
    <message>
        <source>Waitlist</source>
        <translation>Лист ожидания</translation>
    </message>
    <message>
        <source>{0} {1}–{2} with {3} is free. Waiting patients who fit it:</source>
        <translation>{0} {1}–{2} у врача {3} свободно. Подходящие пациенты из листа ожидания:</translation>
    </message>
    <message>
        <source>Book {0} here</source>
        <translation>Записать сюда: {0}</translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n мин</numerusform>
            <numerusform>%n мин</numerusform>
            <numerusform>%n мин</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WaitlistPage</name>
    <message>
        <source>Waitlist</source>
        <translation>Лист ожидания</translation>
    </message>
    <message>
        <source>Waitlist summary</source>
        <translation>Итоги листа ожидания</translation>
    </message>
    <message>
        <source>Patients waiting for an earlier slot</source>
        <translation>Пациенты, ждущие более раннего времени</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>Доб&amp;авить…</translation>
    </message>
    <message>
        <source>Add a patient to the waitlist</source>
        <translation>Добавить пациента в лист ожидания</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>&amp;Убрать</translation>
    </message>
    <message>
        <source>Take the selected patient off the waitlist</source>
        <translation>Убрать выбранного пациента из листа ожидания</translation>
    </message>
    <message>
        <source>Waiting for an earlier slot, oldest first</source>
        <translation>Ждут более раннего времени, сначала самые давние</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>ждёт %n</numerusform>
            <numerusform>ждут %n</numerusform>
            <numerusform>ждут %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>appointments</name>
    <message>
        <source>{0}, {1} {2}, Dr {3}</source>
        <translation>{0}, {1} {2}, врач {3}</translation>
    </message>
    <message>
        <source>Dr {0}</source>
        <translation>Врач {0}</translation>
    </message>
    <message>
        <source>⚡ Squeezed in: {0}</source>
        <translation>⚡ Поверх записи: {0}</translation>
    </message>
</context>
<context>
    <name>audit</name>
    <message>
        <source>Created</source>
        <translation>Создано</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Изменено</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Удалено</translation>
    </message>
    <message>
        <source>Activated</source>
        <translation>Активировано</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>Деактивировано</translation>
    </message>
    <message>
        <source>Status changed</source>
        <translation>Статус изменён</translation>
    </message>
    <message>
        <source>Status change undone</source>
        <translation>Смена статуса отменена</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Убрано</translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>Записано</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Вход</translation>
    </message>
    <message>
        <source>Sign-in failed</source>
        <translation>Неудачный вход</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Выход</translation>
    </message>
    <message>
        <source>Password changed</source>
        <translation>Пароль изменён</translation>
    </message>
    <message>
        <source>Password reset</source>
        <translation>Пароль сброшен</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Резервная копия</translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation>Демонстрационные данные</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>Экспортировано</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Импортировано</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>Восстановлено</translation>
    </message>
    <message>
        <source>Confirmation call</source>
        <translation>Звонок для подтверждения</translation>
    </message>
    <message>
        <source>Records merged</source>
        <translation>Записи объединены</translation>
    </message>
    <message>
        <source>Merge undone</source>
        <translation>Объединение отменено</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Пациент</translation>
    </message>
    <message>
        <source>Doctor</source>
        <translation>Врач</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>Запись</translation>
    </message>
    <message>
        <source>User account</source>
        <translation>Учётная запись</translation>
    </message>
    <message>
        <source>Waitlist entry</source>
        <translation>Запись листа ожидания</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>База данных</translation>
    </message>
    <message>
        <source>Appointments (a file)</source>
        <translation>Записи (файл)</translation>
    </message>
    <message>
        <source>Patients (a file)</source>
        <translation>Пациенты (файл)</translation>
    </message>
    <message>
        <source>Time off</source>
        <translation>Отсутствие</translation>
    </message>
    <message>
        <source>Visit type</source>
        <translation>Тип визита</translation>
    </message>
    <message>
        <source>Repeated visits</source>
        <translation>Серия визитов</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Журнал аудита</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>До</translation>
    </message>
    <message>
        <source>After</source>
        <translation>После</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Значение</translation>
    </message>
</context>
<context>
    <name>backup</name>
    <message>
        <source>{0} (*.{1});;All files (*)</source>
        <translation>{0} (*.{1});;Все файлы (*)</translation>
    </message>
</context>
<context>
    <name>columns</name>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <source>Doctor</source>
        <translation>Врач</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Пациент</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Пользователь</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>Объект</translation>
    </message>
    <message>
        <source>Entity id</source>
        <translation>Код объекта</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Изменения</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Ответ</translation>
    </message>
    <message>
        <source>Noted</source>
        <translation>Отмечено</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Фамилия</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Middle name</source>
        <translation>Отчество</translation>
    </message>
    <message>
        <source>Specialty</source>
        <translation>Специальность</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Кабинет</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Активен</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Строка</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>ФИО</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Дата рождения</translation>
    </message>
    <message>
        <source>Alike</source>
        <translation>Совпадает</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>Объединены</translation>
    </message>
    <message>
        <source>Kept record</source>
        <translation>Сохраняемая запись</translation>
    </message>
    <message>
        <source>Merged record</source>
        <translation>Объединённая запись</translation>
    </message>
    <message>
        <source>Moved</source>
        <translation>Перенесено</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Кто</translation>
    </message>
    <message>
        <source>Undone</source>
        <translation>Отменено</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Пол</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <source>Arrived at</source>
        <translation>Пришёл в</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Ожидание</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>Дата и время</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Имя пользователя</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>ФИО</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation>Последний вход</translation>
    </message>
    <message>
        <source>Locked until</source>
        <translation>Заблокирован до</translation>
    </message>
    <message>
        <source>Waits for</source>
        <translation>Ждёт</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Дни</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Часы</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Минуты</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>В листе с</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Заметка</translation>
    </message>
</context>
<context>
    <name>confirmation</name>
    <message>
        <source>Not yet called</source>
        <translation>Не звонили</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Подтвердил</translation>
    </message>
    <message>
        <source>Left a message</source>
        <translation>Оставлено сообщение</translation>
    </message>
    <message>
        <source>Cancelled by phone</source>
        <translation>Отменил по телефону</translation>
    </message>
</context>
<context>
    <name>duplicates</name>
    <message>
        <source>name</source>
        <translation>имя</translation>
    </message>
    <message>
        <source>surname</source>
        <translation>фамилия</translation>
    </message>
    <message>
        <source>birth date</source>
        <translation>дата рождения</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>телефон</translation>
    </message>
    <message>
        <source>appointments: {0}</source>
        <translation>записей на приём: {0}</translation>
    </message>
    <message>
        <source>waitlist entries: {0}</source>
        <translation>в листе ожидания: {0}</translation>
    </message>
    <message>
        <source>series: {0}</source>
        <translation>серий: {0}</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Please check the form.</source>
        <translation>Проверьте форму.</translation>
    </message>
    <message>
        <source>Please sign in.</source>
        <translation>Войдите в программу.</translation>
    </message>
    <message>
        <source>Your session has expired. Please sign in again.</source>
        <translation>Ваш сеанс истёк. Войдите заново.</translation>
    </message>
    <message>
        <source>Your session is not valid. Please sign in again.</source>
        <translation>Ваш сеанс недействителен. Войдите заново.</translation>
    </message>
    <message>
        <source>This list cannot be sorted by that column.</source>
        <translation>Этот список нельзя упорядочить по этому столбцу.</translation>
    </message>
    <message>
        <source>This list changed its order; load it again.</source>
        <translation>Порядок списка изменился; загрузите его заново.</translation>
    </message>
    <message>
        <source>Enter a date between the years {0} and {1}.</source>
        <translation>Введите дату между {0} и {1} годом.</translation>
    </message>
    <message>
        <source>Start and end must both carry a time zone, or neither.</source>
        <translation>У начала и конца должен быть часовой пояс либо у обоих, либо ни у одного.</translation>
    </message>
    <message>
        <source>The end must be after the start.</source>
        <translation>Конец должен быть позже начала.</translation>
    </message>
    <message>
        <source>An appointment cannot be longer than 12 hours.</source>
        <translation>Запись не может быть длиннее 12 часов.</translation>
    </message>
    <message>
        <source>This field is required.</source>
        <translation>Это поле обязательно.</translation>
    </message>
    <message>
        <source>This is too long (at most {max_length} characters).</source>
        <translation>Слишком длинно (не больше {max_length} символов).</translation>
    </message>
    <message>
        <source>Enter a valid date.</source>
        <translation>Введите правильную дату.</translation>
    </message>
    <message>
        <source>Enter a valid date and time.</source>
        <translation>Введите правильные дату и время.</translation>
    </message>
    <message>
        <source>Enter a valid time.</source>
        <translation>Введите правильное время.</translation>
    </message>
    <message>
        <source>Enter a whole number.</source>
        <translation>Введите целое число.</translation>
    </message>
    <message>
        <source>Must be more than {gt}.</source>
        <translation>Должно быть больше {gt}.</translation>
    </message>
    <message>
        <source>Must be at least {ge}.</source>
        <translation>Должно быть не меньше {ge}.</translation>
    </message>
    <message>
        <source>Must be at most {le}.</source>
        <translation>Должно быть не больше {le}.</translation>
    </message>
    <message>
        <source>Choose one of: {expected}.</source>
        <translation>Выберите одно из: {expected}.</translation>
    </message>
    <message>
        <source>Please check this value.</source>
        <translation>Проверьте это значение.</translation>
    </message>
    <message>
        <source>Choose a doctor or a specialty.</source>
        <translation>Выберите врача или специальность.</translation>
    </message>
    <message>
        <source>The birth date cannot be in the future.</source>
        <translation>Дата рождения не может быть в будущем.</translation>
    </message>
    <message>
        <source>Check the year of birth.</source>
        <translation>Проверьте год рождения.</translation>
    </message>
    <message>
        <source>Choose female or male, or leave it empty.</source>
        <translation>Выберите женский или мужской пол или оставьте поле пустым.</translation>
    </message>
    <message>
        <source>This is too long (at most {0} characters).</source>
        <translation>Слишком длинно (не больше {0} символов).</translation>
    </message>
    <message>
        <source>Use letters, spaces, hyphens or apostrophes only.</source>
        <translation>Используйте только буквы, пробелы, дефисы и апострофы.</translation>
    </message>
    <message>
        <source>Enter an e-mail address like name@example.com.</source>
        <translation>Введите адрес эл. почты вида name@example.com.</translation>
    </message>
    <message>
        <source>Weekdays are 0 (Monday) to 6 (Sunday).</source>
        <translation>Дни недели — от 0 (понедельник) до 6 (воскресенье).</translation>
    </message>
    <message>
        <source>Give either the last day or the number of visits.</source>
        <translation>Укажите либо последний день, либо число визитов.</translation>
    </message>
    <message>
        <source>The last day must not be before the first.</source>
        <translation>Последний день не может быть раньше первого.</translation>
    </message>
    <message>
        <source>Export at most {0} years at a time.</source>
        <translation>За один раз можно выгрузить не больше чем за {0} лет.</translation>
    </message>
    <message>
        <source>Enter a date between the years 1900 and 9998.</source>
        <translation>Введите дату между 1900 и 9998 годом.</translation>
    </message>
    <message>
        <source>This contains invisible control characters that cannot be saved. Please retype it.</source>
        <translation>Здесь есть невидимые управляющие символы, которые нельзя сохранить. Наберите текст заново.</translation>
    </message>
    <message>
        <source>Enter a phone number, for example +7 916 123-45-67.</source>
        <translation>Введите номер телефона, например +7 916 123-45-67.</translation>
    </message>
    <message>
        <source>Time off can be at most a year at a time.</source>
        <translation>Отсутствие может длиться не больше года за раз.</translation>
    </message>
    <message>
        <source>A clinic holiday is for every doctor: choose no doctor.</source>
        <translation>Праздник клиники касается всех врачей: не выбирайте врача.</translation>
    </message>
    <message>
        <source>Choose the doctor (or make it a clinic holiday).</source>
        <translation>Выберите врача (или сделайте это праздником клиники).</translation>
    </message>
    <message>
        <source>At least {0} characters, with letters and at least one digit or symbol; not the same as the user name.</source>
        <translation>Не меньше {0} символов, буквы и хотя бы одна цифра или знак; не совпадает с именем пользователя.</translation>
    </message>
    <message>
        <source>The password must have at least {0} characters.</source>
        <translation>В пароле должно быть не меньше {0} символов.</translation>
    </message>
    <message>
        <source>The password is too long.</source>
        <translation>Пароль слишком длинный.</translation>
    </message>
    <message>
        <source>Use letters and at least one digit or symbol.</source>
        <translation>Используйте буквы и хотя бы одну цифру или знак.</translation>
    </message>
    <message>
        <source>The password must not be the user name.</source>
        <translation>Пароль не должен совпадать с именем пользователя.</translation>
    </message>
    <message>
        <source>Remove the special characters from the name.</source>
        <translation>Уберите из имени специальные символы.</translation>
    </message>
    <message>
        <source>Use letters, digits, dots, hyphens or underscores, without spaces.</source>
        <translation>Используйте буквы, цифры, точки, дефисы или подчёркивания, без пробелов.</translation>
    </message>
    <message>
        <source>This is too long (at most {0} characters; letters like ß count as two).</source>
        <translation>Слишком длинно (не больше {0} символов; буквы вроде ß считаются за две).</translation>
    </message>
    <message>
        <source>Days are seven marks, Monday first (for example 1111100).</source>
        <translation>Дни — семь отметок, начиная с понедельника (например, 1111100).</translation>
    </message>
    <message>
        <source>Choose at least one day.</source>
        <translation>Выберите хотя бы один день.</translation>
    </message>
    <message>
        <source>The latest time must be after the earliest.</source>
        <translation>Самое позднее время должно быть позже самого раннего.</translation>
    </message>
    <message>
        <source>This is not a database address this application can use: it should look like sqlite:///C:/path/heartbeat.sqlite3 or postgresql://user@server/database.</source>
        <translation>Программа не может использовать такой адрес базы данных: он должен выглядеть как sqlite:///C:/path/heartbeat.sqlite3 или postgresql://user@server/database.</translation>
    </message>
    <message>
        <source>Cannot open the database: the folder {0} cannot be created or written to ({1}).</source>
        <translation>Не удаётся открыть базу данных: папку {0} нельзя создать или в неё нельзя записывать ({1}).</translation>
    </message>
    <message>
        <source>Cannot open the database {0}: the server cannot be reached. Check the network and that the database server is running.</source>
        <translation>Не удаётся открыть базу данных {0}: сервер недоступен. Проверьте сеть и то, что сервер базы данных запущен.</translation>
    </message>
    <message>
        <source>Cannot open the database {0}: {1}</source>
        <translation>Не удаётся открыть базу данных {0}: {1}</translation>
    </message>
    <message>
        <source>A visit type with this name already exists.</source>
        <translation>Тип визита с таким названием уже есть.</translation>
    </message>
    <message>
        <source>Appointments use this visit type, so it cannot be deleted; make it inactive instead: it stays on those appointments and is no longer offered.</source>
        <translation>Этот тип визита используется в записях, поэтому удалить его нельзя; сделайте его неактивным: в тех записях он останется, но больше не будет предлагаться.</translation>
    </message>
    <message>
        <source>This visit type no longer exists.</source>
        <translation>Этого типа визита больше нет.</translation>
    </message>
    <message>
        <source>Your account may not squeeze a visit in over another; an administrator can allow it (Users → May squeeze in).</source>
        <translation>Вашей учётной записи нельзя записывать поверх другого визита; администратор может это разрешить (Пользователи → Поверх записи).</translation>
    </message>
    <message>
        <source>A completed appointment cannot be moved.</source>
        <translation>Завершённую запись нельзя перенести.</translation>
    </message>
    <message>
        <source>An appointment that is “{0}” cannot become “{1}”.</source>
        <translation>Запись в статусе «{0}» не может перейти в статус «{1}».</translation>
    </message>
    <message>
        <source>This doctor no longer exists.</source>
        <translation>Этого врача больше нет.</translation>
    </message>
    <message>
        <source>This patient no longer exists.</source>
        <translation>Этого пациента больше нет.</translation>
    </message>
    <message>
        <source>The slot has been booked for someone else meanwhile.</source>
        <translation>Тем временем на это время уже записали другого пациента.</translation>
    </message>
    <message>
        <source>The patient already has an appointment at {0} with Dr {1}.</source>
        <translation>У пациента уже есть запись на {0} к врачу {1}.</translation>
    </message>
    <message>
        <source>This visit type is no longer offered; choose another.</source>
        <translation>Этот тип визита больше не предлагается; выберите другой.</translation>
    </message>
    <message>
        <source>This appointment no longer exists; it may have been deleted at another desk.</source>
        <translation>Этой записи больше нет; возможно, её удалили на другом рабочем месте.</translation>
    </message>
    <message>
        <source>A doctor can change only their own appointments.</source>
        <translation>Врач может изменять только свои записи.</translation>
    </message>
    <message>
        <source>Wrong user name or password, or the account is locked for a while. Please try again.</source>
        <translation>Неверное имя пользователя или пароль, или учётная запись временно заблокирована. Попробуйте ещё раз.</translation>
    </message>
    <message>
        <source>An administrator already exists. Please sign in.</source>
        <translation>Администратор уже существует. Войдите в программу.</translation>
    </message>
    <message>
        <source>The current password is not correct.</source>
        <translation>Текущий пароль неверен.</translation>
    </message>
    <message>
        <source>{0} already exists; choose another name or allow replacing it.</source>
        <translation>{0} уже существует; выберите другое имя или разрешите заменить файл.</translation>
    </message>
    <message>
        <source>The backup copy did not verify ({0}); nothing was saved.</source>
        <translation>Резервная копия не прошла проверку ({0}); ничего не сохранено.</translation>
    </message>
    <message>
        <source>{0} is a folder; give the name of the backup file to create.</source>
        <translation>{0} — это папка; укажите имя файла резервной копии, который нужно создать.</translation>
    </message>
    <message>
        <source>An in-memory database cannot be backed up.</source>
        <translation>Базу данных в памяти нельзя сохранить в резервную копию.</translation>
    </message>
    <message>
        <source>The backup cannot replace the database file itself.</source>
        <translation>Резервная копия не может заменить сам файл базы данных.</translation>
    </message>
    <message>
        <source>This is a PostgreSQL database, and PostgreSQL&apos;s pg_dump is not installed on this computer: back it up on the server with, for example: {0}</source>
        <translation>Это база данных PostgreSQL, а программа pg_dump из PostgreSQL на этом компьютере не установлена: сделайте резервную копию на сервере, например так: {0}</translation>
    </message>
    <message>
        <source>The clinic is closed then (clinic holiday {span}{because}).</source>
        <translation>В это время клиника закрыта (праздник клиники {span}{because}).</translation>
    </message>
    <message>
        <source>vacation</source>
        <translation>отпуск</translation>
    </message>
    <message>
        <source>day off</source>
        <translation>выходной</translation>
    </message>
    <message>
        <source>blocked time</source>
        <translation>заблокированное время</translation>
    </message>
    <message>
        <source>clinic holiday</source>
        <translation>праздник клиники</translation>
    </message>
    <message>
        <source>Dr {doctor} is away then ({kind} {span}{because}).</source>
        <translation>Врач {doctor} в это время отсутствует ({kind} {span}{because}).</translation>
    </message>
    <message>
        <source>Dr {0} is not seeing patients (the doctor is inactive).</source>
        <translation>Врач {0} не ведёт приём (врач неактивен).</translation>
    </message>
    <message>
        <source>This patient&apos;s record is deactivated. Reactivate it before booking.</source>
        <translation>Карточка этого пациента деактивирована. Перед записью активируйте её снова.</translation>
    </message>
    <message>
        <source>The appointment would be in the past.</source>
        <translation>Запись оказалась бы в прошлом.</translation>
    </message>
    <message>
        <source>This is outside Dr {0}&apos;s working hours.</source>
        <translation>Это вне часов работы врача {0}.</translation>
    </message>
    <message>
        <source>Dr {0} already has an appointment at {1} ({2}).</source>
        <translation>У врача {0} уже есть запись на {1} ({2}).</translation>
    </message>
    <message>
        <source>This visit was cancelled by phone. To book it again, select it and press Undo status (the slot must still be free).</source>
        <translation>Этот визит отменён по телефону. Чтобы записать его снова, выберите его и нажмите «Откатить статус» (время должно быть ещё свободно).</translation>
    </message>
    <message>
        <source>This visit is “{0}”: there is nothing to confirm.</source>
        <translation>Визит в статусе «{0}»: подтверждать нечего.</translation>
    </message>
    <message>
        <source>A visit that is “{0}” cannot be cancelled by phone.</source>
        <translation>Визит в статусе «{0}» нельзя отменить по телефону.</translation>
    </message>
    <message>
        <source>Enter the server&apos;s name or address.</source>
        <translation>Введите имя или адрес сервера.</translation>
    </message>
    <message>
        <source>Enter a port between 1 and 65535 (usually 5432).</source>
        <translation>Введите порт от 1 до 65535 (обычно 5432).</translation>
    </message>
    <message>
        <source>Enter the database name.</source>
        <translation>Введите имя базы данных.</translation>
    </message>
    <message>
        <source>Enter the user name.</source>
        <translation>Введите имя пользователя.</translation>
    </message>
    <message>
        <source>(not a database address)</source>
        <translation>(не адрес базы данных)</translation>
    </message>
    <message>
        <source>That is not a database address.</source>
        <translation>Это не адрес базы данных.</translation>
    </message>
    <message>
        <source>Cannot connect to {0}: {1}</source>
        <translation>Не удаётся подключиться к {0}: {1}</translation>
    </message>
    <message>
        <source>Your account is no longer active. Please sign in again.</source>
        <translation>Ваша учётная запись больше не активна. Войдите заново.</translation>
    </message>
    <message>
        <source>The password of this account was changed. Please sign in again.</source>
        <translation>Пароль этой учётной записи изменён. Войдите заново.</translation>
    </message>
    <message>
        <source>This doctor has {0} appointments and cannot be deleted. Deactivate the doctor instead: the history is kept.</source>
        <translation>У этого врача есть записи на приём ({0}), поэтому его нельзя удалить. Вместо этого деактивируйте врача: история сохранится.</translation>
    </message>
    <message>
        <source>This doctor has {0} appointment and cannot be deleted. Deactivate the doctor instead: the history is kept.</source>
        <translation>У этого врача есть {0} запись на приём, поэтому его нельзя удалить. Вместо этого деактивируйте врача: история сохранится.</translation>
    </message>
    <message>
        <source>{0} saved this doctor at {1} on {2}, after you opened it. Compare, then keep their version or save yours on top of it.</source>
        <translation>{0} сохранил(а) данные этого врача в {1} {2}, уже после того, как вы их открыли. Сравните и оставьте ту версию или сохраните свою поверх неё.</translation>
    </message>
    <message>
        <source>Link the doctor to a user account with the Doctor role.</source>
        <translation>Свяжите врача с учётной записью с ролью «Врач».</translation>
    </message>
    <message>
        <source>This account is already linked to Dr {0}.</source>
        <translation>Эта учётная запись уже связана с врачом {0}.</translation>
    </message>
    <message>
        <source>This doctor is not seeing patients.</source>
        <translation>Этот врач не ведёт приём.</translation>
    </message>
    <message>
        <source>No active doctor has the specialty {0}.</source>
        <translation>Нет работающего врача со специальностью {0}.</translation>
    </message>
    <message>
        <source>view patients</source>
        <translation>просматривать пациентов</translation>
    </message>
    <message>
        <source>register or edit patients</source>
        <translation>регистрировать или изменять пациентов</translation>
    </message>
    <message>
        <source>delete patients</source>
        <translation>удалять пациентов</translation>
    </message>
    <message>
        <source>export the list of patients</source>
        <translation>экспортировать список пациентов</translation>
    </message>
    <message>
        <source>merge patient records or undo a merge</source>
        <translation>объединять записи пациентов или отменять объединение</translation>
    </message>
    <message>
        <source>view doctors</source>
        <translation>просматривать врачей</translation>
    </message>
    <message>
        <source>edit doctors</source>
        <translation>изменять врачей</translation>
    </message>
    <message>
        <source>delete doctors</source>
        <translation>удалять врачей</translation>
    </message>
    <message>
        <source>view appointments</source>
        <translation>просматривать записи</translation>
    </message>
    <message>
        <source>book or change appointments</source>
        <translation>записывать или изменять записи</translation>
    </message>
    <message>
        <source>change an appointment&apos;s status</source>
        <translation>менять статус записи</translation>
    </message>
    <message>
        <source>delete appointments</source>
        <translation>удалять записи</translation>
    </message>
    <message>
        <source>record the patients&apos; answers to confirmation calls</source>
        <translation>отмечать ответы пациентов при обзвоне</translation>
    </message>
    <message>
        <source>change doctors&apos; time off</source>
        <translation>менять отсутствия врачей</translation>
    </message>
    <message>
        <source>set clinic holidays</source>
        <translation>задавать праздники клиники</translation>
    </message>
    <message>
        <source>change the list of visit types</source>
        <translation>менять список типов визитов</translation>
    </message>
    <message>
        <source>manage user accounts</source>
        <translation>управлять учётными записями</translation>
    </message>
    <message>
        <source>view the audit log</source>
        <translation>просматривать журнал аудита</translation>
    </message>
    <message>
        <source>back up or fill the database</source>
        <translation>делать резервные копии или заполнять базу данных</translation>
    </message>
    <message>
        <source>Your account ({0}) is not allowed to {1}.</source>
        <translation>Вашей учётной записи ({0}) не разрешено {1}.</translation>
    </message>
    <message>
        <source>This record no longer exists; it may have been deleted at another desk.</source>
        <translation>Этой записи больше нет; возможно, её удалили на другом рабочем месте.</translation>
    </message>
    <message>
        <source>Someone</source>
        <translation>Кто-то</translation>
    </message>
    <message>
        <source>The backup {0} was made by a newer version of Heartbeat Desktop; update this computer first. Nothing was changed.</source>
        <translation>Резервная копия {0} сделана более новой версией Heartbeat Desktop; сначала обновите программу на этом компьютере. Ничего не изменено.</translation>
    </message>
    <message>
        <source>{0} is not a Heartbeat Desktop backup (not a database this program made); nothing was changed.</source>
        <translation>{0} — не резервная копия Heartbeat Desktop (это не база данных этой программы); ничего не изменено.</translation>
    </message>
    <message>
        <source>The backup {0} is damaged ({1}); nothing was changed.</source>
        <translation>Резервная копия {0} повреждена ({1}); ничего не изменено.</translation>
    </message>
    <message>
        <source>There is no backup at {0}.</source>
        <translation>Резервной копии {0} нет.</translation>
    </message>
    <message>
        <source>That is the database itself, not a backup of it.</source>
        <translation>Это сама база данных, а не её резервная копия.</translation>
    </message>
    <message>
        <source>This is a PostgreSQL database, and PostgreSQL&apos;s pg_restore is not installed on this computer: restore it on the server with, for example: {0}</source>
        <translation>Это база данных PostgreSQL, а программа pg_restore из PostgreSQL на этом компьютере не установлена: восстановите базу на сервере, например так: {0}</translation>
    </message>
    <message>
        <source>{0} is not a PostgreSQL backup made with pg_dump; nothing was changed.</source>
        <translation>{0} — не резервная копия PostgreSQL, сделанная pg_dump; ничего не изменено.</translation>
    </message>
    <message>
        <source>{0} is not a Heartbeat Desktop backup; nothing was changed.</source>
        <translation>{0} — не резервная копия Heartbeat Desktop; ничего не изменено.</translation>
    </message>
    <message>
        <source>A series has at most {0} visits; choose an earlier last day or fewer weeks.</source>
        <translation>В серии может быть не больше {0} визитов; выберите более ранний последний день или меньше недель.</translation>
    </message>
    <message>
        <source>Nothing was booked.</source>
        <translation>Ничего не записано.</translation>
    </message>
    <message>
        <source>Choose at least one visit to book.</source>
        <translation>Выберите хотя бы один визит для записи.</translation>
    </message>
    <message>
        <source>Squeezing in over another visit is for one visit only: choose “Only this visit”, or untick squeezing in.</source>
        <translation>Вставить поверх другого визита можно только один визит: выберите «Только этот визит» или снимите отметку «Вставить поверх».</translation>
    </message>
    <message>
        <source>Visit {0} of {1} ({2})</source>
        <translation>Визит {0} из {1} ({2})</translation>
    </message>
    <message>
        <source>{0}: {1} {2}</source>
        <translation>{0}: {1} {2}</translation>
    </message>
    <message>
        <source>scheduled</source>
        <translation>Записан</translation>
    </message>
    <message>
        <source>arrived</source>
        <translation>Пришёл</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>На приёме</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>Завершён</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>Отменён</translation>
    </message>
    <message>
        <source>no-show</source>
        <translation>Не явился</translation>
    </message>
    <message>
        <source>All visits of a series are for one patient: to give this visit to another patient, change only this visit.</source>
        <translation>Все визиты серии относятся к одному пациенту: чтобы отдать этот визит другому пациенту, измените только этот визит.</translation>
    </message>
    <message>
        <source>An appointment that is {0} cannot be cancelled.</source>
        <translation>Запись в статусе «{0}» нельзя отменить.</translation>
    </message>
    <message>
        <source>Nothing was moved.</source>
        <translation>Ничего не перенесено.</translation>
    </message>
    <message>
        <source>Only a scheduled visit can be moved to another time of day.</source>
        <translation>На другое время дня можно перенести только запланированный визит.</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>Ничего не изменено.</translation>
    </message>
    <message>
        <source>Only a scheduled visit can change the other visits of its series with it; choose “Only this visit”.</source>
        <translation>Вместе с другими визитами серии можно изменить только запланированный визит; выберите «Только этот визит».</translation>
    </message>
    <message>
        <source>There is no status change to undo on this appointment.</source>
        <translation>У этой записи нет смены статуса, которую можно откатить.</translation>
    </message>
    <message>
        <source>This appointment&apos;s status was set before its history was kept, so it cannot be undone; set the status by hand instead.</source>
        <translation>Статус этой записи задан до того, как велась история, поэтому откатить его нельзя; задайте статус вручную.</translation>
    </message>
    <message>
        <source>This time off was already removed.</source>
        <translation>Это отсутствие уже убрано.</translation>
    </message>
    <message>
        <source>The doctor already has an appointment at that time.</source>
        <translation>У врача уже есть запись на это время.</translation>
    </message>
    <message>
        <source>Someone else changed this record after you opened it. Reload it to see their changes.</source>
        <translation>Кто-то другой изменил эти данные после того, как вы их открыли. Загрузите их заново, чтобы увидеть изменения.</translation>
    </message>
    <message>
        <source>Another desk was saving the same records at the same moment. Please try again.</source>
        <translation>В тот же момент те же данные сохраняли на другом рабочем месте. Попробуйте ещё раз.</translation>
    </message>
    <message>
        <source>The database server is not answering (network or server restart). Nothing was saved; try again once it is back.</source>
        <translation>Сервер базы данных не отвечает (сеть или перезапуск сервера). Ничего не сохранено; попробуйте снова, когда он ответит.</translation>
    </message>
    <message>
        <source>This computer may not write to the database file (it is read-only). Nothing was saved; ask whoever looks after this computer to allow writing to it.</source>
        <translation>Этому компьютеру нельзя записывать в файл базы данных (он только для чтения). Ничего не сохранено; попросите того, кто обслуживает этот компьютер, разрешить запись в файл.</translation>
    </message>
    <message>
        <source>The disk holding the database is full. Nothing was saved; free some space and try again.</source>
        <translation>Диск с базой данных заполнен. Ничего не сохранено; освободите место и попробуйте ещё раз.</translation>
    </message>
    <message>
        <source>The disk holding the database failed to write. Nothing was saved; check the disk and try again.</source>
        <translation>Не удалось записать на диск с базой данных. Ничего не сохранено; проверьте диск и попробуйте ещё раз.</translation>
    </message>
    <message>
        <source>The database file cannot be opened: its folder is missing or may not be written to. Nothing was saved.</source>
        <translation>Не удаётся открыть файл базы данных: его папки нет или в неё нельзя записывать. Ничего не сохранено.</translation>
    </message>
    <message>
        <source>A value is too long to be saved. Please shorten it.</source>
        <translation>Одно из значений слишком длинное, чтобы его сохранить. Сократите его.</translation>
    </message>
    <message>
        <source>A number or date is outside the range that can be saved.</source>
        <translation>Число или дата выходит за пределы того, что можно сохранить.</translation>
    </message>
    <message>
        <source>This record is still referenced by other records and cannot be changed that way.</source>
        <translation>На эти данные ещё ссылаются другие записи, поэтому их нельзя так изменить.</translation>
    </message>
    <message>
        <source>A record with the same unique value already exists.</source>
        <translation>Запись с таким же уникальным значением уже существует.</translation>
    </message>
    <message>
        <source>The database refused the change: it would break a rule of the data.</source>
        <translation>База данных отклонила изменение: оно нарушило бы правило данных.</translation>
    </message>
    <message>
        <source>The database is busy at another desk. Please try again in a moment.</source>
        <translation>База данных занята другим рабочим местом. Попробуйте ещё раз через минуту.</translation>
    </message>
    <message>
        <source>The database file cannot be read. Check the disk and try again.</source>
        <translation>Не удаётся прочитать файл базы данных. Проверьте диск и попробуйте ещё раз.</translation>
    </message>
    <message>
        <source>The database cannot save one of these values. Please check the form.</source>
        <translation>База данных не может сохранить одно из этих значений. Проверьте форму.</translation>
    </message>
    <message>
        <source>At least one active administrator must remain.</source>
        <translation>Должен остаться хотя бы один активный администратор.</translation>
    </message>
    <message>
        <source>This user name is taken.</source>
        <translation>Это имя пользователя занято.</translation>
    </message>
    <message>
        <source>This user account no longer exists.</source>
        <translation>Этой учётной записи больше нет.</translation>
    </message>
    <message>
        <source>This patient is no longer on the waitlist (booked or removed at another desk).</source>
        <translation>Этого пациента больше нет в листе ожидания (записан или убран на другом рабочем месте).</translation>
    </message>
    <message>
        <source>This patient waits for another doctor.</source>
        <translation>Этот пациент ждёт другого врача.</translation>
    </message>
    <message>
        <source>This waitlist entry no longer exists.</source>
        <translation>Этой записи листа ожидания больше нет.</translation>
    </message>
    <message>
        <source>Something went wrong. Your work is kept; please try again. If it keeps happening, show the details to your administrator.</source>
        <translation>Что-то пошло не так. Ваша работа сохранена; попробуйте ещё раз. Если ошибка повторяется, покажите подробности администратору.</translation>
    </message>
    <message>
        <source>Heartbeat Desktop</source>
        <translation>Heartbeat Desktop</translation>
    </message>
    <message>
        <source>This computer: {0}</source>
        <translation>Этот компьютер: {0}</translation>
    </message>
    <message>
        <source>Server {0}</source>
        <translation>Сервер {0}</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Фамилия</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Middle name</source>
        <translation>Отчество</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Дата рождения</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Пол</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>ФИО</translation>
    </message>
    <message>
        <source>There is no patient field called {0!r}; use one of: {1}.</source>
        <translation>Поля пациента {0!r} нет; используйте одно из: {1}.</translation>
    </message>
    <message>
        <source>The file has no column {0!r}.</source>
        <translation>В файле нет столбца {0!r}.</translation>
    </message>
    <message>
        <source>Choose the columns holding the last and first names (or the full name).</source>
        <translation>Выберите столбцы с фамилией и именем (или с ФИО).</translation>
    </message>
    <message>
        <source>Choose the column holding the birth date.</source>
        <translation>Выберите столбец с датой рождения.</translation>
    </message>
    <message>
        <source>This file is too large to import (more than {0} MB).</source>
        <translation>Файл слишком большой для импорта (больше {0} МБ).</translation>
    </message>
    <message>
        <source>This is not a CSV file (it holds binary data). Save the table from the spreadsheet as CSV and choose that file.</source>
        <translation>Это не файл CSV (в нём двоичные данные). Сохраните таблицу из электронной таблицы в формате CSV и выберите этот файл.</translation>
    </message>
    <message>
        <source>This file cannot be read as CSV: {0}.</source>
        <translation>Файл не удаётся прочитать как CSV: {0}.</translation>
    </message>
    <message>
        <source>This file is empty.</source>
        <translation>Файл пуст.</translation>
    </message>
    <message>
        <source>Enter the date as dd.mm.yyyy, for example 17.05.1980.</source>
        <translation>Введите дату в виде дд.мм.гггг, например 17.05.1980.</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <source>The file {0} cannot be read ({1}).</source>
        <translation>Не удалось прочитать файл {0} ({1}).</translation>
    </message>
    <message>
        <source>{0}, born {1}, {2}</source>
        <translation>{0}, дата рождения {1}, {2}</translation>
    </message>
    <message>
        <source>{0}, born {1}</source>
        <translation>{0}, дата рождения {1}</translation>
    </message>
    <message>
        <source>row {0} of this file</source>
        <translation>строка {0} этого файла</translation>
    </message>
    <message>
        <source>The rows left out cannot be written to {0} ({1}), so nothing was imported.</source>
        <translation>Не удалось записать пропущенные строки в {0} ({1}), поэтому ничего не импортировано.</translation>
    </message>
    <message>
        <source>{0}: the end must be after the start.</source>
        <translation>{0}: окончание должно быть позже начала.</translation>
    </message>
    <message>
        <source>{0}: working hours overlap.</source>
        <translation>{0}: часы работы пересекаются.</translation>
    </message>
    <message>
        <source>There is no doctor with the number {0}.</source>
        <translation>Врача с номером {0} нет.</translation>
    </message>
    <message>
        <source>middle name</source>
        <translation>отчество</translation>
    </message>
    <message>
        <source>sex</source>
        <translation>пол</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>телефон</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>эл. почта</translation>
    </message>
    <message>
        <source>address</source>
        <translation>адрес</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>заметки</translation>
    </message>
    <message>
        <source>appointment</source>
        <translation>запись на приём</translation>
    </message>
    <message>
        <source>waitlist entry</source>
        <translation>запись в листе ожидания</translation>
    </message>
    <message>
        <source>series of visits</source>
        <translation>серия визитов</translation>
    </message>
    <message>
        <source>One of these patients no longer exists; it may have been deleted at another desk.</source>
        <translation>Одного из этих пациентов больше нет; возможно, его удалили на другом рабочем месте.</translation>
    </message>
    <message>
        <source>{0}&apos;s record was changed at another desk after you opened it. Look at both records again, then merge.</source>
        <translation>Запись пациента {0} изменили на другом рабочем месте после того, как вы её открыли. Просмотрите обе записи ещё раз, затем объедините.</translation>
    </message>
    <message>
        <source>This merge no longer exists.</source>
        <translation>Этого объединения больше нет.</translation>
    </message>
    <message>
        <source>This merge was already undone ({0}, {1}).</source>
        <translation>Это объединение уже отменено ({0}, {1}).</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>кто-то</translation>
    </message>
    <message>
        <source>Choose two different patients.</source>
        <translation>Выберите двух разных пациентов.</translation>
    </message>
    <message>
        <source>{0} was already merged into another record (no. {1}). Merge with that record instead.</source>
        <translation>Запись пациента {0} уже объединена с другой (№ {1}). Объединяйте с той записью.</translation>
    </message>
    <message>
        <source>“{0}” cannot be taken from the other record.</source>
        <translation>Поле «{0}» нельзя взять из другой записи.</translation>
    </message>
    <message>
        <source>The {0} of the record kept is not empty; a merge only fills empty fields.</source>
        <translation>Поле «{0}» в сохраняемой записи не пустое; объединение заполняет только пустые поля.</translation>
    </message>
    <message>
        <source>The other record has no {0} to take.</source>
        <translation>В другой записи поле «{0}» не заполнено, брать нечего.</translation>
    </message>
    <message>
        <source>Both records have a visit at the same time: {0} with Dr {1}, and {2} with Dr {3}. One patient cannot be in two places: cancel or move one of them, then merge.</source>
        <translation>В обеих записях есть визиты в одно и то же время: {0} к врачу {1} и {2} к врачу {3}. Один пациент не может быть в двух местах: отмените или перенесите один из визитов, затем объедините.</translation>
    </message>
    <message>
        <source>{0}&apos;s record was changed since the merge (reactivated or merged again); this merge can no longer be undone.</source>
        <translation>Запись пациента {0} изменилась после объединения (её снова активировали или объединили ещё раз); это объединение больше нельзя отменить.</translation>
    </message>
    <message>
        <source>{0} was merged into another record since. Undo that merge first.</source>
        <translation>Запись пациента {0} с тех пор объединена с другой. Сначала отмените то объединение.</translation>
    </message>
    <message>
        <source>A {0} this merge moved was deleted since; undoing the merge would not put back what it moved. Nothing was changed.</source>
        <translation>Перенесённая этим объединением {0} с тех пор удалена; отмена объединения не вернула бы всё перенесённое. Ничего не изменено.</translation>
    </message>
    <message>
        <source>The {0}{1} that this merge moved was changed since; undoing the merge would lose that change. Nothing was changed.</source>
        <translation>Перенесённая этим объединением {0}{1} с тех пор изменена; при отмене объединения это изменение потерялось бы. Ничего не изменено.</translation>
    </message>
    <message>
        <source>The {0} of {1} was edited since the merge filled it in. Nothing was changed.</source>
        <translation>Поле «{0}» пациента {1} изменили после того, как его заполнило объединение. Ничего не изменено.</translation>
    </message>
    <message>
        <source> of {0}</source>
        <translation> от {0}</translation>
    </message>
    <message>
        <source>This patient has {0} appointments and cannot be deleted. Deactivate the patient instead: the history is kept.</source>
        <translation>У этого пациента есть записи на приём ({0}), поэтому его нельзя удалить. Вместо этого деактивируйте пациента: история сохранится.</translation>
    </message>
    <message>
        <source>This patient has {0} appointment and cannot be deleted. Deactivate the patient instead: the history is kept.</source>
        <translation>У этого пациента есть {0} запись на приём, поэтому его нельзя удалить. Вместо этого деактивируйте пациента: история сохранится.</translation>
    </message>
    <message>
        <source>{0} saved this patient at {1} on {2}, after you opened it. Compare, then keep their version or save yours on top of it.</source>
        <translation>{0} сохранил(а) данные этого пациента в {1} {2}, уже после того, как вы их открыли. Сравните и оставьте ту версию или сохраните свою поверх неё.</translation>
    </message>
    <message>
        <source>{0} is not installed on this computer.</source>
        <translation>Программа {0} не установлена на этом компьютере.</translation>
    </message>
    <message>
        <source>{0} could not be run: {1}</source>
        <translation>Не удалось запустить {0}: {1}</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>причина не указана</translation>
    </message>
    <message>
        <source>{0} failed: {1}</source>
        <translation>{0} завершилась с ошибкой: {1}</translation>
    </message>
</context>
<context>
    <name>formatting</name>
    <message>
        <source>yyyy</source>
        <translation>гггг</translation>
    </message>
    <message>
        <source>mm</source>
        <translation>мм</translation>
    </message>
    <message>
        <source>dd</source>
        <translation>дд</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Да</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Нет</translation>
    </message>
</context>
<context>
    <name>history</name>
    <message>
        <source>unknown</source>
        <translation>неизвестно</translation>
    </message>
    <message>
        <source>Booked ({0})</source>
        <translation>Записан ({0})</translation>
    </message>
    <message>
        <source>{0} (undone by {1})</source>
        <translation>{0} (откатил {1})</translation>
    </message>
    <message>
        <source>{0} ({1})</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <source>No status changes recorded.</source>
        <translation>Смены статуса не записаны.</translation>
    </message>
</context>
<context>
    <name>import</name>
    <message>
        <source>Import patients</source>
        <translation>Импорт пациентов</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>Файлы CSV (*.csv *.txt);;Все файлы (*)</translation>
    </message>
    <message>
        <source>The file {0} cannot be read ({1}).</source>
        <translation>Не удалось прочитать файл {0} ({1}).</translation>
    </message>
    <message>
        <source>Possible duplicate of {0}</source>
        <translation>Возможный дубликат: {0}</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Без замечаний</translation>
    </message>
</context>
<context>
    <name>merge</name>
    <message>
        <source>Last name</source>
        <translation>Фамилия</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Middle name</source>
        <translation>Отчество</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Дата рождения</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Пол</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
</context>
<context>
    <name>pages</name>
    <message>
        <source>Appointments</source>
        <translation>Записи</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Журнал аудита</translation>
    </message>
    <message>
        <source>Doctors</source>
        <translation>Врачи</translation>
    </message>
    <message>
        <source>Patients</source>
        <translation>Пациенты</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Пользователи</translation>
    </message>
</context>
<context>
    <name>printing</name>
    <message>
        <source>The PDF could not be written to {0}. Choose a folder you may write to.</source>
        <translation>Не удалось записать PDF в {0}. Выберите папку, в которую можно записывать.</translation>
    </message>
</context>
<context>
    <name>queue</name>
    <message>
        <source>{0} min</source>
        <translation>{0} мин</translation>
    </message>
</context>
<context>
    <name>schedule</name>
    <message>
        <source>Also: {0} {1} — {2}</source>
        <translation>Также: {0} {1} — {2}</translation>
    </message>
    <message>
        <source>{0}, Dr {1}: away ({2}).</source>
        <translation>{0}, врач {1}: отсутствует ({2}).</translation>
    </message>
    <message>
        <source>{0}, Dr {1}: free. Double-click to book.</source>
        <translation>{0}, врач {1}: свободно. Дважды щёлкните, чтобы записать.</translation>
    </message>
    <message>
        <source>{0}, Dr {1}: not working.</source>
        <translation>{0}, врач {1}: не работает.</translation>
    </message>
</context>
<context>
    <name>series</name>
    <message>
        <source>Only this visit</source>
        <translation>Только этот визит</translation>
    </message>
    <message>
        <source>This and the following visits</source>
        <translation>Этот и следующие визиты</translation>
    </message>
    <message>
        <source>The whole series</source>
        <translation>Всю серию</translation>
    </message>
</context>
<context>
    <name>status</name>
    <message>
        <source>Scheduled</source>
        <translation>Записан</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>Пришёл</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>На приёме</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Завершён</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Отменён</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>Не явился</translation>
    </message>
</context>
<context>
    <name>vocabulary</name>
    <message>
        <source>Administrator</source>
        <translation>Администратор</translation>
    </message>
    <message>
        <source>Receptionist</source>
        <translation>Регистратор</translation>
    </message>
    <message>
        <source>Doctor</source>
        <translation>Врач</translation>
    </message>
    <message>
        <source>Vacation</source>
        <translation>Отпуск</translation>
    </message>
    <message>
        <source>Day off</source>
        <translation>Выходной</translation>
    </message>
    <message>
        <source>Blocked time</source>
        <translation>Заблокированное время</translation>
    </message>
    <message>
        <source>Clinic holiday</source>
        <translation>Праздник клиники</translation>
    </message>
</context>
<context>
    <name>waitlist</name>
    <message>
        <source>Mon</source>
        <translation>Пн</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>Вт</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>Ср</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>Чт</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>Пт</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>Сб</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>Вс</translation>
    </message>
    <message>
        <source>Any day</source>
        <translation>Любой день</translation>
    </message>
    <message>
        <source>any {0}</source>
        <translation>любой: {0}</translation>
    </message>
</context>
<context>
    <name>weekdays</name>
    <message>
        <source>Monday</source>
        <translation>Понедельник</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>Вторник</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>Среда</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>Четверг</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>Пятница</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>Суббота</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>Воскресенье</translation>
    </message>
</context>
</TS>
