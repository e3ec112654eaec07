//! A text field: one line (a symbol, a weight) or several (what to watch,
//! an outcome). The cursor moves by characters; display positions are
//! counted in terminal columns, so Chinese text (two columns a character)
//! lines up and the cursor sits where it looks.

use unicode_width::UnicodeWidthChar;

/// Editable text with a cursor. Always at least one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextField {
    lines: Vec<Vec<char>>,
    /// Cursor line.
    row: usize,
    /// Cursor position in the line, in characters (0..=len).
    col: usize,
    /// Enter inserts a newline only in a multi-line field.
    pub multiline: bool,
}

impl TextField {
    /// A one-line field holding `text`, cursor at the end.
    pub fn line(text: &str) -> TextField {
        let mut field = TextField::multi(text);
        field.multiline = false;
        if field.lines.len() > 1 {
            // A newline cannot be typed in a one-line field: keep it one line.
            let joined: Vec<char> = field.lines.join(&' ');
            field.lines = vec![joined];
            field.row = 0;
            field.col = field.lines[0].len();
        }
        field
    }

    /// A multi-line field holding `text`, cursor at the end.
    pub fn multi(text: &str) -> TextField {
        let lines: Vec<Vec<char>> = text.split('\n').map(|l| l.chars().collect()).collect();
        let row = lines.len() - 1;
        let col = lines[row].len();
        TextField {
            lines,
            row,
            col,
            multiline: true,
        }
    }

    /// The text, lines joined by `\n`.
    pub fn text(&self) -> String {
        self.lines
            .iter()
            .map(|l| l.iter().collect::<String>())
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// Replaces the whole text; the cursor goes to the end.
    pub fn set_text(&mut self, text: &str) {
        let multiline = self.multiline;
        *self = if multiline {
            TextField::multi(text)
        } else {
            TextField::line(text)
        };
    }

    /// (line, character) of the cursor.
    pub fn cursor(&self) -> (usize, usize) {
        (self.row, self.col)
    }

    pub fn insert(&mut self, c: char) {
        if c == '\n' {
            self.newline();
            return;
        }
        self.lines[self.row].insert(self.col, c);
        self.col += 1;
    }

    /// Splits the line at the cursor (multi-line fields only).
    pub fn newline(&mut self) {
        if !self.multiline {
            return;
        }
        let rest = self.lines[self.row].split_off(self.col);
        self.lines.insert(self.row + 1, rest);
        self.row += 1;
        self.col = 0;
    }

    /// Deletes the character before the cursor, joining lines at a line start.
    pub fn backspace(&mut self) {
        if self.col > 0 {
            self.col -= 1;
            self.lines[self.row].remove(self.col);
        } else if self.row > 0 {
            let line = self.lines.remove(self.row);
            self.row -= 1;
            self.col = self.lines[self.row].len();
            self.lines[self.row].extend(line);
        }
    }

    /// Deletes the character under the cursor, joining the next line at a line end.
    pub fn delete(&mut self) {
        if self.col < self.lines[self.row].len() {
            self.lines[self.row].remove(self.col);
        } else if self.row + 1 < self.lines.len() {
            let next = self.lines.remove(self.row + 1);
            self.lines[self.row].extend(next);
        }
    }

    pub fn left(&mut self) {
        if self.col > 0 {
            self.col -= 1;
        } else if self.row > 0 {
            self.row -= 1;
            self.col = self.lines[self.row].len();
        }
    }

    pub fn right(&mut self) {
        if self.col < self.lines[self.row].len() {
            self.col += 1;
        } else if self.row + 1 < self.lines.len() {
            self.row += 1;
            self.col = 0;
        }
    }

    /// Moves a line up, keeping the display column; false on the first line.
    pub fn up(&mut self) -> bool {
        if self.row == 0 {
            return false;
        }
        let column = self.display_col();
        self.row -= 1;
        self.col = char_at_column(&self.lines[self.row], column);
        true
    }

    /// Moves a line down, keeping the display column; false on the last line.
    pub fn down(&mut self) -> bool {
        if self.row + 1 >= self.lines.len() {
            return false;
        }
        let column = self.display_col();
        self.row += 1;
        self.col = char_at_column(&self.lines[self.row], column);
        true
    }

    pub fn home(&mut self) {
        self.col = 0;
    }

    pub fn end(&mut self) {
        self.col = self.lines[self.row].len();
    }

    /// The cursor's column on its line, in terminal columns.
    fn display_col(&self) -> usize {
        width(&self.lines[self.row][..self.col])
    }

    /// The text wrapped to `width` columns (at least 2), and the cursor's
    /// (row, column) in that wrapping. A wide character never straddles
    /// the edge; the cursor after a full row moves to the next one.
    pub fn wrapped(&self, width: usize) -> (Vec<String>, (usize, usize)) {
        let width = width.max(2);
        let mut rows = Vec::new();
        let mut cursor = (0, 0);
        for (r, line) in self.lines.iter().enumerate() {
            let mut current = String::new();
            let mut used = 0;
            for (i, c) in line.iter().enumerate() {
                let w = c.width().unwrap_or(0);
                if used + w > width {
                    rows.push(std::mem::take(&mut current));
                    used = 0;
                }
                if r == self.row && i == self.col {
                    cursor = (rows.len(), used);
                }
                current.push(*c);
                used += w;
            }
            if r == self.row && self.col == line.len() {
                cursor = if used >= width {
                    (rows.len() + 1, 0)
                } else {
                    (rows.len(), used)
                };
                if used >= width {
                    rows.push(std::mem::take(&mut current));
                }
            }
            rows.push(current);
        }
        (rows, cursor)
    }
}

/// Terminal columns of some characters.
fn width(chars: &[char]) -> usize {
    chars.iter().map(|c| c.width().unwrap_or(0)).sum()
}

/// The character index whose start is at or just before display `column`.
fn char_at_column(line: &[char], column: usize) -> usize {
    let mut used = 0;
    for (i, c) in line.iter().enumerate() {
        let w = c.width().unwrap_or(0);
        if used + w > column {
            return i;
        }
        used += w;
    }
    line.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typing_newlines_and_deleting_across_lines() {
        let mut f = TextField::multi("");
        for c in "ab\ncd".chars() {
            f.insert(c);
        }
        assert_eq!(f.text(), "ab\ncd");
        assert_eq!(f.cursor(), (1, 2));
        f.home();
        f.backspace(); // joins "cd" onto "ab"
        assert_eq!(f.text(), "abcd");
        assert_eq!(f.cursor(), (0, 2));
        f.delete();
        assert_eq!(f.text(), "abd");
        f.end();
        f.delete(); // at the very end: nothing
        assert_eq!(f.text(), "abd");
    }

    #[test]
    fn a_one_line_field_refuses_newlines() {
        let mut f = TextField::line("12");
        f.newline();
        f.insert('\n');
        f.insert('5');
        assert_eq!(f.text(), "125");
        assert_eq!(TextField::line("a\nb").text(), "a b");
    }

    #[test]
    fn up_and_down_keep_the_display_column_with_wide_characters() {
        // "中际旭创" is 8 columns; the cursor after 中际 is at column 4.
        let mut f = TextField::multi("中际旭创\nabcdefgh");
        assert_eq!(f.cursor(), (1, 8));
        f.home();
        for _ in 0..4 {
            f.right();
        }
        assert!(f.up());
        // Column 4 on the Chinese line is after two characters.
        assert_eq!(f.cursor(), (0, 2));
        f.right(); // after 旭: column 6
        assert!(f.down());
        assert_eq!(f.cursor(), (1, 6));
        assert!(!f.down());
    }

    #[test]
    fn wrapping_counts_columns_and_places_the_cursor() {
        // Width 5: "中际旭" is 6 columns, so 中际 (4) fit and 旭 wraps.
        let f = TextField::multi("中际旭");
        let (rows, cursor) = f.wrapped(5);
        assert_eq!(rows, vec!["中际".to_string(), "旭".to_string()]);
        assert_eq!(cursor, (1, 2));
        // A full last row puts the cursor at the start of a new row.
        let f = TextField::multi("abcde");
        assert_eq!(f.wrapped(5), (vec!["abcde".into(), String::new()], (1, 0)));
        let mut f = TextField::multi("ab\ncd");
        f.up();
        assert_eq!(f.wrapped(10), (vec!["ab".into(), "cd".into()], (0, 2)));
    }
}
