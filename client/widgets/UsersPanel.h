#pragma once

#include <QListView>

namespace chat {

class UserCardDelegate;
class UserListModel;

// The users of the room as a two-column grid of cards.
class UsersPanel : public QListView
{
    Q_OBJECT
public:
    explicit UsersPanel(UserListModel *model, QWidget *parent = nullptr);

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void retranslate();
    UserCardDelegate *m_delegate;
};

} // namespace chat
