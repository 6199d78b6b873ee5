#include "menueditor.h"

#include "apireply.h"
#include "edgeapi.h"
#include "money.h"

#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QTime>
#include <QUrl>

#include <optional>

using namespace Qt::StringLiterals;
using namespace tableorder::client;

Q_LOGGING_CATEGORY(lcMenuEditor, "tableorder.kitchen.menueditor")

namespace tableorder::kitchen {

namespace {

// The edge's limits (docs/api.md §4), checked here first so the manager hears of them at once.
constexpr qsizetype maxName = 100;
constexpr qsizetype maxDescription = 500;
constexpr qint64 maxPrice = 100'000'000;
constexpr qint64 maxStock = 1'000'000;
constexpr int maxWindows = 14;
constexpr int maxGroupsPerItem = 10;
constexpr int maxOptions = 30;
constexpr qint64 maxPictureBytes = 2 * 1024 * 1024;

const QStringList &languages()
{
    static const QStringList list{u"en"_s, u"zh"_s, u"ja"_s};
    return list;
}

const QStringList &allergenCodes()
{
    static const QStringList list{u"egg"_s,     u"milk"_s,    u"buckwheat"_s, u"peanut"_s,   u"soybean"_s,
                                  u"wheat"_s,   u"mackerel"_s, u"crab"_s,     u"shrimp"_s,   u"pork"_s,
                                  u"peach"_s,   u"tomato"_s,  u"sulfites"_s,  u"walnut"_s,   u"chicken"_s,
                                  u"beef"_s,    u"squid"_s,   u"shellfish"_s, u"pine_nut"_s};
    return list;
}

const QStringList &tagCodes()
{
    static const QStringList list{u"spicy"_s, u"vegetarian"_s, u"new"_s, u"best"_s};
    return list;
}

/// "9,000", "9000원", "₩9,000" -> 9000; nullopt when it is not a whole number.
std::optional<qint64> parseWon(const QVariant &value)
{
    QString text = value.toString().trimmed();
    text.remove(u',').remove(u' ').remove(u"원"_s).remove(u"₩"_s);
    static const QRegularExpression integer(u"^-?[0-9]{1,10}$"_s);
    if (!integer.match(text).hasMatch())
        return std::nullopt;
    return text.toLongLong();
}

QString languageName(const QString &code)
{
    if (code == u"en"_s)
        return MenuEditor::tr("English");
    if (code == u"zh"_s)
        return MenuEditor::tr("Chinese");
    return MenuEditor::tr("Japanese");
}

/// Translations as the form holds them ({en:{name, description}, ...}), every language present.
QVariantMap translationsForm(const QJsonObject &stored)
{
    QVariantMap out;
    for (const QString &lang : languages()) {
        const QJsonObject t = stored.value(lang).toObject();
        out.insert(lang, QVariantMap{{u"name"_s, t.value(u"name"_s).toString()},
                                     {u"description"_s, t.value(u"description"_s).toString()}});
    }
    return out;
}

/// Only the languages with text; a description without a name is kept (the client falls back
/// to Korean for the name).
QJsonObject translationsJson(const QVariantMap &form, bool withDescription)
{
    QJsonObject out;
    for (const QString &lang : languages()) {
        const QVariantMap t = form.value(lang).toMap();
        QJsonObject entry;
        const QString name = t.value(u"name"_s).toString().trimmed();
        const QString description = t.value(u"description"_s).toString().trimmed();
        if (!name.isEmpty())
            entry.insert(u"name"_s, name);
        if (withDescription && !description.isEmpty())
            entry.insert(u"description"_s, description);
        if (!entry.isEmpty())
            out.insert(lang, entry);
    }
    return out;
}

QString checkTranslations(const QVariantMap &form, bool withDescription)
{
    for (const QString &lang : languages()) {
        const QVariantMap t = form.value(lang).toMap();
        if (t.value(u"name"_s).toString().trimmed().size() > maxName)
            return MenuEditor::tr("The %1 name is too long (at most %2 characters).").arg(languageName(lang)).arg(maxName);
        if (withDescription && t.value(u"description"_s).toString().trimmed().size() > maxDescription)
            return MenuEditor::tr("The %1 description is too long (at most %2 characters).")
                    .arg(languageName(lang)).arg(maxDescription);
    }
    return {};
}

QVariantList hoursForm(const QJsonArray &stored)
{
    QVariantList out;
    for (const QJsonValue &w : stored) {
        const QJsonObject o = w.toObject();
        out.append(QVariantMap{{u"days"_s, o.value(u"days"_s).toArray().toVariantList()},
                               {u"from"_s, o.value(u"from"_s).toString()},
                               {u"to"_s, o.value(u"to"_s).toString()}});
    }
    return out;
}

QTime parseTime(const QString &text)
{
    static const QRegularExpression hhmm(u"^([01][0-9]|2[0-3]):[0-5][0-9]$"_s);
    return hhmm.match(text.trimmed()).hasMatch() ? QTime::fromString(text.trimmed(), u"HH:mm"_s) : QTime();
}

QString checkHours(const QVariantList &hours)
{
    if (hours.size() > maxWindows)
        return MenuEditor::tr("At most %1 time windows.").arg(maxWindows);
    for (qsizetype i = 0; i < hours.size(); ++i) {
        const QVariantMap w = hours.at(i).toMap();
        if (w.value(u"days"_s).toList().isEmpty())
            return MenuEditor::tr("Time window %1: choose at least one day.").arg(i + 1);
        const QTime from = parseTime(w.value(u"from"_s).toString());
        const QTime to = parseTime(w.value(u"to"_s).toString());
        if (!from.isValid() || !to.isValid())
            return MenuEditor::tr("Time window %1: write the times as HH:MM, for example 11:00.").arg(i + 1);
        if (from == to)
            return MenuEditor::tr("Time window %1: the start and end times are the same.").arg(i + 1);
    }
    return {};
}

QJsonArray hoursJson(const QVariantList &hours)
{
    QJsonArray out;
    for (const QVariant &v : hours) {
        const QVariantMap w = v.toMap();
        QList<int> days;
        for (const QVariant &d : w.value(u"days"_s).toList())
            if (!days.contains(d.toInt()))
                days.append(d.toInt());
        std::sort(days.begin(), days.end());
        QJsonArray dayList;
        for (int d : days)
            dayList.append(d);
        out.append(QJsonObject{{u"days"_s, dayList},
                               {u"from"_s, parseTime(w.value(u"from"_s).toString()).toString(u"HH:mm"_s)},
                               {u"to"_s, parseTime(w.value(u"to"_s).toString()).toString(u"HH:mm"_s)}});
    }
    return out;
}

QJsonArray codesJson(const QVariantList &codes, const QStringList &order)
{
    QJsonArray out;
    for (const QString &code : order) // the documented order, no repeats
        if (codes.contains(code))
            out.append(code);
    return out;
}

/// A field path from the edge ("options[2].price_delta") in the manager's words.
QString fieldLabel(const QString &field)
{
    const QString last = field.section(u'.', -1).section(u'[', 0, 0);
    static const QRegularExpression index(u"\\[(\\d+)\\]"_s);
    const auto m = index.match(field);
    const int n = m.hasMatch() ? m.captured(1).toInt() + 1 : 0;
    if (field.startsWith(u"translations"_s))
        return MenuEditor::tr("translation");
    if (field.startsWith(u"available_hours"_s))
        return n ? MenuEditor::tr("time window %1").arg(n) : MenuEditor::tr("hours");
    if (field.startsWith(u"option_group_ids"_s))
        return MenuEditor::tr("option group");
    if (field.startsWith(u"options"_s) && last != u"options"_s)
        return MenuEditor::tr("option %1").arg(n);
    if (last == u"options"_s)
        return MenuEditor::tr("options");
    if (last == u"name"_s)
        return MenuEditor::tr("name");
    if (last == u"description"_s)
        return MenuEditor::tr("description");
    if (last == u"price"_s || last == u"price_delta"_s)
        return MenuEditor::tr("price");
    if (last == u"category_id"_s)
        return MenuEditor::tr("category");
    if (last == u"stock"_s)
        return MenuEditor::tr("stock");
    if (last == u"min_select"_s || last == u"max_select"_s)
        return MenuEditor::tr("number of choices");
    if (last == u"allergens"_s)
        return MenuEditor::tr("allergens");
    if (last == u"tags"_s)
        return MenuEditor::tr("tags");
    if (last == u"body"_s || last == u"image"_s)
        return MenuEditor::tr("picture");
    return field;
}

} // namespace

MenuEditor::MenuEditor(EdgeApi &api, QObject *parent) : QObject(parent), m_api(api) {}

void MenuEditor::reload()
{
    reloadThen({});
}

void MenuEditor::reloadThen(std::function<void()> then)
{
    const quint64 serial = ++m_loadSerial;
    m_api.fetchMenu({}, [this, serial, then](const ApiReply &menu) {
        if (serial != m_loadSerial)
            return then ? then() : void();
        if (!menu.ok()) {
            setError(describeRefusal(menu));
            return then ? then() : void();
        }
        m_api.get(u"/api/v1/menu/option-groups"_s, [this, serial, menu, then](const ApiReply &groups) {
            if (serial == m_loadSerial) {
                if (groups.ok())
                    load(menu.json, groups.json.value(u"groups"_s).toArray());
                else
                    setError(describeRefusal(groups));
            }
            if (then)
                then();
        });
    });
}

void MenuEditor::load(const QJsonObject &menu, const QJsonArray &groups)
{
    m_menu = menu;
    m_groups = groups;
    m_loaded = true;
    const QJsonArray cats = m_menu.value(u"categories"_s).toArray();
    if (findCategory(m_selectedCategory).isEmpty())
        m_selectedCategory = cats.isEmpty() ? 0 : cats.first().toObject().value(u"id"_s).toInteger();
    emit changed();
}

QJsonObject MenuEditor::findCategory(qint64 id) const
{
    for (const QJsonValue &c : m_menu.value(u"categories"_s).toArray())
        if (c.toObject().value(u"id"_s).toInteger() == id)
            return c.toObject();
    return {};
}

QJsonObject MenuEditor::findItem(qint64 id) const
{
    for (const QJsonValue &c : m_menu.value(u"categories"_s).toArray())
        for (const QJsonValue &i : c.toObject().value(u"items"_s).toArray())
            if (i.toObject().value(u"id"_s).toInteger() == id)
                return i.toObject();
    return {};
}

QJsonObject MenuEditor::findGroup(qint64 id) const
{
    for (const QJsonValue &g : m_groups)
        if (g.toObject().value(u"id"_s).toInteger() == id)
            return g.toObject();
    return {};
}

QJsonArray MenuEditor::itemsOf(qint64 categoryId) const
{
    return findCategory(categoryId).value(u"items"_s).toArray();
}

QVariantList MenuEditor::categories() const
{
    QVariantList out;
    for (const QJsonValue &v : m_menu.value(u"categories"_s).toArray()) {
        const QJsonObject c = v.toObject();
        out.append(QVariantMap{{u"id"_s, c.value(u"id"_s).toInteger()},
                               {u"name"_s, c.value(u"name"_s).toString()},
                               {u"displayOrder"_s, c.value(u"display_order"_s).toInt()},
                               {u"station"_s, c.value(u"station"_s).toString()},
                               {u"itemCount"_s, c.value(u"items"_s).toArray().size()},
                               {u"hasHours"_s, !c.value(u"available_hours"_s).toArray().isEmpty()}});
    }
    return out;
}

void MenuEditor::setSelectedCategoryId(qint64 id)
{
    if (id == m_selectedCategory)
        return;
    m_selectedCategory = id;
    emit changed();
}

QVariantList MenuEditor::categoryItems() const
{
    const QString currency = m_menu.value(u"currency"_s).toString(u"KRW"_s);
    QVariantList out;
    for (const QJsonValue &v : itemsOf(m_selectedCategory)) {
        const QJsonObject i = v.toObject();
        const QJsonValue stock = i.value(u"stock"_s);
        out.append(QVariantMap{
                {u"id"_s, i.value(u"id"_s).toInteger()},
                {u"name"_s, i.value(u"name"_s).toString()},
                {u"priceText"_s, formatMoney(i.value(u"price"_s).toInteger(), currency)},
                {u"available"_s, i.value(u"available"_s).toBool(true)},
                {u"hasStock"_s, stock.isDouble()},
                {u"stock"_s, stock.toInteger()},
                {u"groupCount"_s, i.value(u"option_groups"_s).toArray().size()},
                {u"hasHours"_s, !i.value(u"available_hours"_s).toArray().isEmpty()},
                {u"thumbnailUrl"_s, i.value(u"thumbnail_url"_s).isString()
                                            ? m_api.resolve(i.value(u"thumbnail_url"_s).toString())
                                            : QUrl()}});
    }
    return out;
}

QVariantList MenuEditor::groups() const
{
    // Which items use each group: the manager sees what an edit or a delete touches.
    QHash<qint64, QStringList> usedBy;
    for (const QJsonValue &c : m_menu.value(u"categories"_s).toArray())
        for (const QJsonValue &v : c.toObject().value(u"items"_s).toArray())
            for (const QJsonValue &g : v.toObject().value(u"option_groups"_s).toArray())
                usedBy[g.toObject().value(u"id"_s).toInteger()].append(v.toObject().value(u"name"_s).toString());
    const QString currency = m_menu.value(u"currency"_s).toString(u"KRW"_s);
    QVariantList out;
    for (const QJsonValue &v : m_groups) {
        const QJsonObject g = v.toObject();
        QStringList options;
        for (const QJsonValue &o : g.value(u"options"_s).toArray()) {
            const qint64 delta = o.toObject().value(u"price_delta"_s).toInteger();
            options.append(o.toObject().value(u"name"_s).toString()
                           + (delta > 0 ? u" +"_s + formatMoney(delta, currency) : delta < 0 ? u" "_s + formatMoney(delta, currency) : QString()));
        }
        const qint64 id = g.value(u"id"_s).toInteger();
        out.append(QVariantMap{{u"id"_s, id},
                               {u"name"_s, g.value(u"name"_s).toString()},
                               {u"minSelect"_s, g.value(u"min_select"_s).toInt()},
                               {u"maxSelect"_s, g.value(u"max_select"_s).toInt()},
                               {u"optionNames"_s, options.join(u", "_s)},
                               {u"usedBy"_s, usedBy.value(id)}});
    }
    return out;
}

QVariantList MenuEditor::allergenChoices() const
{
    static const char *labels[] = {
            QT_TR_NOOP("Egg"),     QT_TR_NOOP("Milk"),     QT_TR_NOOP("Buckwheat"), QT_TR_NOOP("Peanut"),
            QT_TR_NOOP("Soybean"), QT_TR_NOOP("Wheat"),    QT_TR_NOOP("Mackerel"),  QT_TR_NOOP("Crab"),
            QT_TR_NOOP("Shrimp"),  QT_TR_NOOP("Pork"),     QT_TR_NOOP("Peach"),     QT_TR_NOOP("Tomato"),
            QT_TR_NOOP("Sulfites"), QT_TR_NOOP("Walnut"),  QT_TR_NOOP("Chicken"),   QT_TR_NOOP("Beef"),
            QT_TR_NOOP("Squid"),   QT_TR_NOOP("Shellfish (oyster, abalone, mussel)"), QT_TR_NOOP("Pine nut")};
    QVariantList out;
    for (qsizetype i = 0; i < allergenCodes().size(); ++i)
        out.append(QVariantMap{{u"code"_s, allergenCodes().at(i)}, {u"label"_s, tr(labels[i])}});
    return out;
}

QVariantList MenuEditor::tagChoices() const
{
    static const char *labels[] = {QT_TR_NOOP("Spicy"), QT_TR_NOOP("Vegetarian"), QT_TR_NOOP("New"),
                                   QT_TR_NOOP("Best")};
    QVariantList out;
    for (qsizetype i = 0; i < tagCodes().size(); ++i)
        out.append(QVariantMap{{u"code"_s, tagCodes().at(i)}, {u"label"_s, tr(labels[i])}});
    return out;
}

QVariantMap MenuEditor::categoryForm(qint64 id) const
{
    const QJsonObject c = findCategory(id);
    return {{u"id"_s, c.isEmpty() ? 0 : id},
            {u"name"_s, c.value(u"name"_s).toString()},
            {u"translations"_s, translationsForm(c.value(u"translations"_s).toObject())},
            {u"hours"_s, hoursForm(c.value(u"available_hours"_s).toArray())}};
}

QVariantMap MenuEditor::itemForm(qint64 id) const
{
    const QJsonObject i = findItem(id);
    if (i.isEmpty())
        return {{u"id"_s, 0},
                {u"categoryId"_s, m_selectedCategory},
                {u"name"_s, QString()},
                {u"description"_s, QString()},
                {u"price"_s, QString()},
                {u"stock"_s, QString()},
                {u"available"_s, true},
                {u"allergens"_s, QVariantList()},
                {u"tags"_s, QVariantList()},
                {u"groupIds"_s, QVariantList()},
                {u"translations"_s, translationsForm({})},
                {u"hours"_s, QVariantList()},
                {u"imageUrl"_s, QUrl()}};
    QVariantList groupIds;
    for (const QJsonValue &g : i.value(u"option_groups"_s).toArray())
        groupIds.append(g.toObject().value(u"id"_s).toInteger());
    const QJsonValue stock = i.value(u"stock"_s);
    return {{u"id"_s, id},
            {u"categoryId"_s, i.value(u"category_id"_s).toInteger()},
            {u"name"_s, i.value(u"name"_s).toString()},
            {u"description"_s, i.value(u"description"_s).toString()},
            {u"price"_s, QString::number(i.value(u"price"_s).toInteger())},
            {u"stock"_s, stock.isDouble() ? QString::number(stock.toInteger()) : QString()},
            // The switch itself: `available` in the menu is also false when stock ran out.
            {u"available"_s, i.value(u"available"_s).toBool(true) || (stock.isDouble() && stock.toInteger() == 0)},
            {u"allergens"_s, i.value(u"allergens"_s).toArray().toVariantList()},
            {u"tags"_s, i.value(u"tags"_s).toArray().toVariantList()},
            {u"groupIds"_s, groupIds},
            {u"translations"_s, translationsForm(i.value(u"translations"_s).toObject())},
            {u"hours"_s, hoursForm(i.value(u"available_hours"_s).toArray())},
            {u"imageUrl"_s, i.value(u"thumbnail_url"_s).isString()
                                    ? m_api.resolve(i.value(u"thumbnail_url"_s).toString())
                                    : QUrl()}};
}

QVariantMap MenuEditor::groupForm(qint64 id) const
{
    const QJsonObject g = findGroup(id);
    QVariantList options;
    for (const QJsonValue &v : g.value(u"options"_s).toArray()) {
        const QJsonObject o = v.toObject();
        options.append(QVariantMap{{u"id"_s, o.value(u"id"_s).toInteger()},
                                   {u"name"_s, o.value(u"name"_s).toString()},
                                   {u"priceDelta"_s, QString::number(o.value(u"price_delta"_s).toInteger())},
                                   {u"available"_s, o.value(u"available"_s).toBool(true)},
                                   {u"translations"_s, translationsForm(o.value(u"translations"_s).toObject())}});
    }
    if (g.isEmpty())
        options.append(QVariantMap{{u"id"_s, 0}, {u"name"_s, QString()}, {u"priceDelta"_s, u"0"_s},
                                   {u"available"_s, true}, {u"translations"_s, translationsForm({})}});
    return {{u"id"_s, g.isEmpty() ? 0 : id},
            {u"name"_s, g.value(u"name"_s).toString()},
            {u"minSelect"_s, QString::number(g.value(u"min_select"_s).toInt(0))},
            {u"maxSelect"_s, QString::number(g.value(u"max_select"_s).toInt(1))},
            {u"translations"_s, translationsForm(g.value(u"translations"_s).toObject())},
            {u"options"_s, options}};
}

QString MenuEditor::checkCategory(const QVariantMap &form) const
{
    const QString name = form.value(u"name"_s).toString().trimmed();
    if (name.isEmpty())
        return tr("Enter the category's name in Korean.");
    if (name.size() > maxName)
        return tr("The name is too long (at most %1 characters).").arg(maxName);
    if (QString t = checkTranslations(form.value(u"translations"_s).toMap(), false); !t.isEmpty())
        return t;
    return checkHours(form.value(u"hours"_s).toList());
}

QString MenuEditor::checkItem(const QVariantMap &form) const
{
    const QString name = form.value(u"name"_s).toString().trimmed();
    if (name.isEmpty())
        return tr("Enter the menu item's name in Korean.");
    if (name.size() > maxName)
        return tr("The name is too long (at most %1 characters).").arg(maxName);
    if (form.value(u"description"_s).toString().trimmed().size() > maxDescription)
        return tr("The description is too long (at most %1 characters).").arg(maxDescription);
    if (findCategory(form.value(u"categoryId"_s).toLongLong()).isEmpty())
        return tr("Choose a category.");
    const auto price = parseWon(form.value(u"price"_s));
    if (!price || *price < 0 || *price > maxPrice)
        return tr("Enter the price in won, from 0 to 100,000,000.");
    if (const QString stock = form.value(u"stock"_s).toString().trimmed(); !stock.isEmpty()) {
        const auto n = parseWon(stock);
        if (!n || *n < 0 || *n > maxStock)
            return tr("Stock is a number of portions from 0 to 1,000,000 (empty = unlimited).");
    }
    if (form.value(u"groupIds"_s).toList().size() > maxGroupsPerItem)
        return tr("An item offers at most %1 option groups.").arg(maxGroupsPerItem);
    if (QString t = checkTranslations(form.value(u"translations"_s).toMap(), true); !t.isEmpty())
        return t;
    return checkHours(form.value(u"hours"_s).toList());
}

QString MenuEditor::checkGroup(const QVariantMap &form) const
{
    const QString name = form.value(u"name"_s).toString().trimmed();
    if (name.isEmpty())
        return tr("Enter the option group's name in Korean.");
    if (name.size() > maxName)
        return tr("The name is too long (at most %1 characters).").arg(maxName);
    const QVariantList options = form.value(u"options"_s).toList();
    if (options.isEmpty())
        return tr("A group needs at least one option.");
    if (options.size() > maxOptions)
        return tr("A group has at most %1 options.").arg(maxOptions);
    const auto min = parseWon(form.value(u"minSelect"_s));
    const auto max = parseWon(form.value(u"maxSelect"_s));
    if (!min || !max || *min < 0 || *max < 1)
        return tr("Enter how many options a guest picks: at least 0, at most 1 or more.");
    if (*min > *max)
        return tr("The minimum number of choices is larger than the maximum.");
    if (*max > options.size())
        return tr("The maximum number of choices (%1) is more than the options (%2).").arg(*max).arg(options.size());
    for (qsizetype i = 0; i < options.size(); ++i) {
        const QVariantMap o = options.at(i).toMap();
        const QString optionName = o.value(u"name"_s).toString().trimmed();
        if (optionName.isEmpty())
            return tr("Option %1: enter its name in Korean.").arg(i + 1);
        if (optionName.size() > maxName)
            return tr("Option %1: the name is too long (at most %2 characters).").arg(i + 1).arg(maxName);
        const auto delta = parseWon(o.value(u"priceDelta"_s));
        if (!delta || *delta < -maxPrice || *delta > maxPrice)
            return tr("Option %1: the price change is a number of won (0, +1000 or -500).").arg(i + 1);
        if (QString t = checkTranslations(o.value(u"translations"_s).toMap(), false); !t.isEmpty())
            return tr("Option %1: %2").arg(i + 1).arg(t);
    }
    return checkTranslations(form.value(u"translations"_s).toMap(), false);
}

bool MenuEditor::saveCategory(const QVariantMap &form)
{
    if (const QString problem = checkCategory(form); !problem.isEmpty()) {
        setError(problem);
        return false;
    }
    const qint64 id = form.value(u"id"_s).toLongLong();
    QJsonObject body{{u"name"_s, form.value(u"name"_s).toString().trimmed()},
                     {u"translations"_s, translationsJson(form.value(u"translations"_s).toMap(), false)},
                     {u"available_hours"_s, hoursJson(form.value(u"hours"_s).toList())}};
    if (id == 0) {
        // A new category goes last.
        int last = 0;
        for (const QJsonValue &c : m_menu.value(u"categories"_s).toArray())
            last = std::max(last, c.toObject().value(u"display_order"_s).toInt());
        body.insert(u"display_order"_s, last + 10);
    }
    run(u"category"_s, {{id ? "PUT" : "POST", id ? u"/api/v1/menu/categories/%1"_s.arg(id) : u"/api/v1/menu/categories"_s, body}},
        tr("Category saved."), [this](const ApiReply &reply) {
            const qint64 saved = reply.json.value(u"id"_s).toInteger();
            m_selectedCategory = saved;
            emit this->saved(u"category"_s, saved);
        });
    return true;
}

bool MenuEditor::saveItem(const QVariantMap &form)
{
    if (const QString problem = checkItem(form); !problem.isEmpty()) {
        setError(problem);
        return false;
    }
    const qint64 id = form.value(u"id"_s).toLongLong();
    const qint64 categoryId = form.value(u"categoryId"_s).toLongLong();
    const QString stockText = form.value(u"stock"_s).toString().trimmed();
    QJsonArray groupIds;
    for (const QVariant &g : form.value(u"groupIds"_s).toList())
        groupIds.append(g.toLongLong());
    QJsonObject body{{u"category_id"_s, categoryId},
                     {u"name"_s, form.value(u"name"_s).toString().trimmed()},
                     {u"description"_s, form.value(u"description"_s).toString().trimmed()},
                     {u"price"_s, *parseWon(form.value(u"price"_s))},
                     {u"available"_s, form.value(u"available"_s).toBool()},
                     {u"stock"_s, stockText.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(*parseWon(stockText))},
                     {u"option_group_ids"_s, groupIds},
                     {u"allergens"_s, codesJson(form.value(u"allergens"_s).toList(), allergenCodes())},
                     {u"tags"_s, codesJson(form.value(u"tags"_s).toList(), tagCodes())},
                     {u"translations"_s, translationsJson(form.value(u"translations"_s).toMap(), true)},
                     {u"available_hours"_s, hoursJson(form.value(u"hours"_s).toList())}};
    const QJsonObject existing = findItem(id);
    if (id == 0 || existing.value(u"category_id"_s).toInteger() != categoryId) {
        // New here (or moved here): last in its category.
        int last = 0;
        for (const QJsonValue &i : itemsOf(categoryId))
            last = std::max(last, i.toObject().value(u"display_order"_s).toInt());
        body.insert(u"display_order"_s, last + 10);
    }
    run(u"item"_s, {{id ? "PUT" : "POST", id ? u"/api/v1/menu/items/%1"_s.arg(id) : u"/api/v1/menu/items"_s, body}},
        tr("Menu item saved."), [this, categoryId](const ApiReply &reply) {
            m_selectedCategory = categoryId;
            emit saved(u"item"_s, reply.json.value(u"id"_s).toInteger());
        });
    return true;
}

bool MenuEditor::saveGroup(const QVariantMap &form)
{
    if (const QString problem = checkGroup(form); !problem.isEmpty()) {
        setError(problem);
        return false;
    }
    const qint64 id = form.value(u"id"_s).toLongLong();
    QJsonArray options;
    for (const QVariant &v : form.value(u"options"_s).toList()) {
        const QVariantMap o = v.toMap();
        QJsonObject option{{u"name"_s, o.value(u"name"_s).toString().trimmed()},
                           {u"price_delta"_s, *parseWon(o.value(u"priceDelta"_s))},
                           {u"available"_s, o.value(u"available"_s).toBool()},
                           {u"translations"_s, translationsJson(o.value(u"translations"_s).toMap(), false)}};
        if (id != 0 && o.value(u"id"_s).toLongLong() != 0)
            option.insert(u"id"_s, o.value(u"id"_s).toLongLong());
        options.append(option);
    }
    const QJsonObject body{{u"name"_s, form.value(u"name"_s).toString().trimmed()},
                           {u"min_select"_s, *parseWon(form.value(u"minSelect"_s))},
                           {u"max_select"_s, *parseWon(form.value(u"maxSelect"_s))},
                           {u"translations"_s, translationsJson(form.value(u"translations"_s).toMap(), false)},
                           {u"options"_s, options}};
    run(u"group"_s, {{id ? "PUT" : "POST", id ? u"/api/v1/menu/option-groups/%1"_s.arg(id) : u"/api/v1/menu/option-groups"_s,
          body}},
        tr("Option group saved."),
        [this](const ApiReply &reply) { emit saved(u"group"_s, reply.json.value(u"id"_s).toInteger()); });
    return true;
}

void MenuEditor::deleteCategory(qint64 id)
{
    run(u"category"_s, {{"DELETE", u"/api/v1/menu/categories/%1"_s.arg(id), {}}}, tr("Category deleted."),
        [this, id](const ApiReply &) { emit deleted(u"category"_s, id); });
}

void MenuEditor::deleteItem(qint64 id)
{
    run(u"item"_s, {{"DELETE", u"/api/v1/menu/items/%1"_s.arg(id), {}}}, tr("Menu item deleted."),
        [this, id](const ApiReply &) { emit deleted(u"item"_s, id); });
}

void MenuEditor::deleteGroup(qint64 id)
{
    run(u"group"_s, {{"DELETE", u"/api/v1/menu/option-groups/%1"_s.arg(id), {}}}, tr("Option group deleted."),
        [this, id](const ApiReply &) { emit deleted(u"group"_s, id); });
}

namespace {

QJsonArray idArray(const QList<qint64> &ids)
{
    QJsonArray out;
    for (qint64 id : ids)
        out.append(id);
    return out;
}

} // namespace

void MenuEditor::moveCategory(qint64 id, int delta)
{
    QList<qint64> ids;
    for (const QJsonValue &c : m_menu.value(u"categories"_s).toArray())
        ids.append(c.toObject().value(u"id"_s).toInteger());
    const qsizetype from = ids.indexOf(id);
    const qsizetype to = from + delta;
    if (from < 0 || to < 0 || to >= ids.size())
        return;
    ids.move(from, to);
    // One change on the edge: tablets get one menu update, never a half-moved menu.
    run(u"order"_s, {{"PUT", u"/api/v1/menu/category-order"_s, QJsonObject{{u"ids"_s, idArray(ids)}}}},
        tr("Order saved."));
}

void MenuEditor::moveItem(qint64 id, int delta)
{
    const qint64 categoryId = findItem(id).value(u"category_id"_s).toInteger();
    QList<qint64> ids;
    for (const QJsonValue &i : itemsOf(categoryId))
        ids.append(i.toObject().value(u"id"_s).toInteger());
    const qsizetype from = ids.indexOf(id);
    const qsizetype to = from + delta;
    if (from < 0 || to < 0 || to >= ids.size())
        return;
    ids.move(from, to);
    run(u"order"_s,
        {{"PUT", u"/api/v1/menu/categories/%1/item-order"_s.arg(categoryId), QJsonObject{{u"ids"_s, idArray(ids)}}}},
        tr("Order saved."));
}

void MenuEditor::uploadPicture(qint64 itemId, const QUrl &file)
{
    const QString path = file.isLocalFile() ? file.toLocalFile() : file.toString();
    QFile in(path);
    if (in.size() > maxPictureBytes)
        return setError(tr("The picture is larger than 2 MB. Choose a smaller file."));
    if (!in.open(QIODevice::ReadOnly))
        return setError(tr("The picture file could not be read."));
    const QByteArray bytes = in.readAll();
    const QString suffix = QFileInfo(path).suffix().toLower();
    const QString type = suffix == u"png"_s ? u"image/png"_s : suffix == u"webp"_s ? u"image/webp"_s : u"image/jpeg"_s;
    setBusy(true);
    setError({});
    m_api.sendBytes("POST", u"/api/v1/menu/items/%1/image"_s.arg(itemId), bytes, type,
                    [this, itemId](const ApiReply &reply) {
                        if (!reply.ok()) {
                            setError(describeRefusal(reply, u"picture"_s));
                        } else {
                            setNotice(tr("Picture saved."));
                            emit saved(u"item"_s, itemId);
                        }
                        reloadThen([this] { setBusy(false); });
                    });
}

void MenuEditor::run(const QString &kind, QList<Request> requests, const QString &notice, Done done)
{
    if (requests.isEmpty())
        return;
    setBusy(true);
    setError({});
    const Request next = requests.takeFirst();
    m_api.send(next.method, next.path, next.body,
               [this, kind, requests, notice, done, next](const ApiReply &reply) {
                   if (!reply.ok()) {
                       qCInfo(lcMenuEditor) << next.method << next.path << "refused:" << reply.describe();
                       setError(describeRefusal(reply, kind));
                   } else if (!requests.isEmpty()) {
                       return run(kind, requests, notice, done);
                   } else {
                       setNotice(notice);
                       if (done)
                           done(reply);
                   }
                   // Busy until the lists show what the edge has now.
                   reloadThen([this] { setBusy(false); });
               });
}

QString MenuEditor::describeRefusal(const ApiReply &reply, const QString &kind)
{
    if (reply.noAnswer())
        return tr("The store server did not answer; nothing was saved. Check the connection and try again.");
    const QString code = reply.errorCode();
    const QJsonObject details = reply.errorDetails();
    QString sentence;
    if (code == u"VALIDATION_FAILED"_s) {
        const QString field = details.value(u"field"_s).toString();
        if (field.startsWith(u"category_id"_s))
            sentence = tr("The category no longer exists (deleted on another screen?). Choose another category.");
        else if (field.startsWith(u"option_group_ids"_s))
            sentence = tr("An option group of this item no longer exists (deleted on another screen?).");
        else if (field == u"body"_s || field == u"image"_s)
            sentence = tr("The picture was refused: use a JPEG, PNG or WebP photo of at most 6000x6000 pixels.");
        else
            sentence = tr("The store server refused the %1: %2").arg(fieldLabel(field), reply.errorMessage());
    } else if (code == u"CONFLICT"_s && kind == u"category"_s) {
        sentence = tr("This category still has menu items. Move or delete them first.");
    } else if (code == u"LIMIT_REACHED"_s) {
        static const QRegularExpression number(u"at most (\\d+)"_s);
        const auto m = number.match(reply.errorMessage());
        const QString limit = details.contains(u"limit"_s) ? QString::number(details.value(u"limit"_s).toInt())
                              : m.hasMatch()                ? m.captured(1)
                                                            : u"?"_s;
        if (kind == u"category"_s)
            sentence = tr("The store already has the most categories it may have (%1). Delete one first.").arg(limit);
        else if (kind == u"item"_s && reply.errorMessage().contains(u"option group"_s))
            sentence = tr("An item offers at most %1 option groups.").arg(limit);
        else if (kind == u"item"_s)
            sentence = tr("The store already has the most menu items it may have (%1). Delete one first.").arg(limit);
        else if (kind == u"group"_s && reply.errorMessage().contains(u"options"_s))
            sentence = tr("A group has at most %1 options.").arg(limit);
        else if (kind == u"group"_s)
            sentence = tr("The store already has the most option groups it may have (%1).").arg(limit);
        else
            sentence = tr("A limit of the store is reached (%1).").arg(limit);
    } else if (code == u"NOT_FOUND"_s) {
        sentence = tr("It no longer exists (deleted on another screen?). The list is up to date now.");
    } else if (code == u"MENU_MANAGED_CENTRALLY"_s) {
        sentence = tr("This store's menu is managed at HQ: edit it in the HQ dashboard.");
    } else if (reply.status == 401 || reply.status == 403) {
        sentence = tr("Only a manager may edit the menu. Log in again as a manager.");
    } else if (reply.status == 413) {
        sentence = tr("The picture is larger than 2 MB. Choose a smaller file.");
    } else if (reply.status == 415) {
        sentence = tr("The picture must be a JPEG, PNG or WebP file.");
    } else if (reply.status == 507 || code == u"STORAGE_FULL"_s) {
        sentence = tr("The store server's disk is full; nothing was saved.");
    } else {
        sentence = tr("The store server refused the change: %1").arg(reply.errorMessage());
    }
    // The code stays visible for whoever the manager calls for help.
    return code.isEmpty() ? u"%1 (%2)"_s.arg(sentence).arg(reply.status)
                          : u"%1 (%2 %3)"_s.arg(sentence).arg(reply.status).arg(code);
}

QString MenuEditor::formatPrice(qint64 won) const
{
    return formatMoney(won, m_menu.value(u"currency"_s).toString(u"KRW"_s));
}

void MenuEditor::clearError()
{
    if (m_error.isEmpty())
        return;
    m_error.clear();
    emit errorChanged();
}

void MenuEditor::setBusy(bool busy)
{
    if (busy == m_busy)
        return;
    m_busy = busy;
    emit busyChanged();
}

void MenuEditor::setError(const QString &error)
{
    // A new attempt or a new problem: the last "saved" no longer applies.
    if (error == m_error && m_notice.isEmpty())
        return;
    m_error = error;
    m_notice.clear();
    emit errorChanged();
}

void MenuEditor::setNotice(const QString &notice)
{
    m_notice = notice;
    m_error.clear();
    emit errorChanged();
}

} // namespace tableorder::kitchen
