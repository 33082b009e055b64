#pragma once

#include <QLabel>

namespace chat {

class TypingModel;

// Under the message list: who is typing in the room ("Alice is typing…", "Alice and Bob are typing…",
// "Alice, Bob and 3 others are typing…"), from a TypingModel. The text is also the label's accessible name;
// the label keeps its height when nobody types, so the messages above do not jump.
class TypingLabel : public QLabel
{
    Q_OBJECT
public:
    explicit TypingLabel(TypingModel *model, QWidget *parent = nullptr);

    // The sentence for these names (empty for none), translated.
    static QString sentence(const QStringList &names);

protected:
    void changeEvent(QEvent *event) override;

private:
    void refresh();

    TypingModel *m_model;
};

} // namespace chat
