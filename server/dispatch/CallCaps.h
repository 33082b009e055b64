#pragma once

namespace chat::server {

// Size caps on what one call may store. A call over a cap changes nothing and its caller gets an error
// statement (name_too_long, body_too_long, too_many_points, too_many_lines) that plain clients ignore.
// 0 turns a cap off.
struct CallCaps
{
    int maxNameLength = 200; // code points of a room or user name
    int maxBodyLength = 20000; // code points of a message body
    int maxPointsPerLine = 20000; // numbers in a line's points array (x and y count one each)
    int maxLinesPerDrawing = 5000; // lines in one room's drawing; a known line uuid may still be replaced
};

} // namespace chat::server
