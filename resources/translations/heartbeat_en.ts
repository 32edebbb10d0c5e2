<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AuditPage</name>
    <message numerus="yes">
        <source>The audit log is intact: %n entries, each chained to the one before.</source>
        <translation>
            <numerusform>The audit log is intact: %n entry, each chained to the one before.</numerusform>
            <numerusform>The audit log is intact: %n entries, each chained to the one before.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries saved to {0}.</source>
        <translation>
            <numerusform>%n entry saved to {0}.</numerusform>
            <numerusform>%n entries saved to {0}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BlockDelegate</name>
    <message numerus="yes">
        <source>+%n more</source>
        <translation>
            <numerusform>+%n more</numerusform>
            <numerusform>+%n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConfirmationsPage</name>
    <message numerus="yes">
        <source>%n visits: {0} to call, {1} confirmed, {2} left a message, {3} cancelled</source>
        <translation>
            <numerusform>%n visit: {0} to call, {1} confirmed, {2} left a message, {3} cancelled</numerusform>
            <numerusform>%n visits: {0} to call, {1} confirmed, {2} left a message, {3} cancelled</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DaySheetText</name>
    <message numerus="yes">
        <source>%n visit(s)</source>
        <translation>
            <numerusform>%n visit</numerusform>
            <numerusform>%n visits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cancelled or missed (struck through)</source>
        <translation>
            <numerusform>%n cancelled or missed (struck through)</numerusform>
            <numerusform>%n cancelled or missed (struck through)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DurationField</name>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportRunner</name>
    <message numerus="yes">
        <source>%n record(s) exported to {0}.</source>
        <translation>
            <numerusform>%n record exported to {0}.</numerusform>
            <numerusform>%n records exported to {0}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PatientImportDialog</name>
    <message numerus="yes">
        <source>&amp;Import %n patient(s)</source>
        <translation>
            <numerusform>&amp;Import %n patient</numerusform>
            <numerusform>&amp;Import %n patients</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s); columns: {0}. Read as {1}, separated by {2}.</source>
        <translation>
            <numerusform>%n row; columns: {0}. Read as {1}, separated by {2}.</numerusform>
            <numerusform>%n rows; columns: {0}. Read as {1}, separated by {2}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) can be imported</source>
        <translation>
            <numerusform>%n row can be imported</numerusform>
            <numerusform>%n rows can be imported</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) are rejected (see why in the Status column)</source>
        <translation>
            <numerusform>%n row is rejected (see why in the Status column)</numerusform>
            <numerusform>%n rows are rejected (see why in the Status column)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) may be patients already registered: tick those to import anyway</source>
        <translation>
            <numerusform>%n row may be patients already registered: tick those to import anyway</numerusform>
            <numerusform>%n rows may be patients already registered: tick those to import anyway</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n patient(s) imported.</source>
        <translation>
            <numerusform>%n patient imported.</numerusform>
            <numerusform>%n patients imported.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing was imported: %n row(s) are rejected, and you chose all or nothing.</source>
        <translation>
            <numerusform>Nothing was imported: %n row is rejected, and you chose all or nothing.</numerusform>
            <numerusform>Nothing was imported: %n rows are rejected, and you chose all or nothing.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) rejected.</source>
        <translation>
            <numerusform>%n row rejected.</numerusform>
            <numerusform>%n rows rejected.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n possible duplicate(s) left out.</source>
        <translation>
            <numerusform>%n possible duplicate left out.</numerusform>
            <numerusform>%n possible duplicates left out.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message numerus="yes">
        <source>{0}, late %n min</source>
        <translation>
            <numerusform>{0}, late %n min</numerusform>
            <numerusform>{0}, late %n min</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QueuePage</name>
    <message numerus="yes">
        <source>%n visits: {0} waiting, {1} late, {2} done</source>
        <translation>
            <numerusform>%n visit: {0} waiting, {1} late, {2} done</numerusform>
            <numerusform>%n visits: {0} waiting, {1} late, {2} done</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecordsPage</name>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n record</numerusform>
            <numerusform>%n records</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SchedulePage</name>
    <message numerus="yes">
        <source>%n appointment(s)</source>
        <translation>
            <numerusform>%n appointment</numerusform>
            <numerusform>%n appointments</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SeriesDialog</name>
    <message numerus="yes">
        <source>%n visit(s) cannot be booked as asked: the nearest free time is offered instead (untick to skip).</source>
        <translation>
            <numerusform>%n visit cannot be booked as asked: the nearest free time is offered instead (untick to skip).</numerusform>
            <numerusform>%n visits cannot be booked as asked: the nearest free time is offered instead (untick to skip).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Book %n visit(s)</source>
        <translation>
            <numerusform>Book %n visit</numerusform>
            <numerusform>Book %n visits</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimeOffDialog</name>
    <message numerus="yes">
        <source>
…and %n more</source>
        <translation>
            <numerusform>
…and %n more</numerusform>
            <numerusform>
…and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n visit(s) are booked in this time:
{0}{1}

Add the time off anyway? The visits stay booked until you move or cancel them.</source>
        <translation>
            <numerusform>%n visit is booked in this time:
{0}{1}

Add the time off anyway? The visits stay booked until you move or cancel them.</numerusform>
            <numerusform>%n visits are booked in this time:
{0}{1}

Add the time off anyway? The visits stay booked until you move or cancel them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VisitTypesDialog</name>
    <message numerus="yes">
        <source>{0} — %n min</source>
        <translation>
            <numerusform>{0} — %n min</numerusform>
            <numerusform>{0} — %n min</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WaitlistOfferDialog</name>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WaitlistPage</name>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%n waiting</numerusform>
            <numerusform>%n waiting</numerusform>
        </translation>
    </message>
</context>
</TS>
