// The regular-expression engine behind the `re` module (core/src/modules/
// python/re.py): a parser for Python's pattern syntax and a backtracking
// matcher over str, exposed as the built-in module `_pylife_sre`.
//
//   _pylife_sre.compile(pattern, flags) -> (program, flags, groups, groupindex)
//   _pylife_sre.match(program, string, pos, endpos, mode, must_advance)
//       -> None or a tuple of 2 * (groups + 1) ints (start, end per group;
//       -1 when unset); mode 0: match at pos, 1: fullmatch, 2: search from
//       pos on; must_advance: no empty match at pos (after an empty match,
//       as sre's scanner).
//
// Errors are re.error's arguments: (message, position or None) raised as
// _pylife_sre.error, which re.py turns into re.error.  The syntax and the
// messages follow CPython 3.11's sre_parse; the matcher is CPython's
// semantics (leftmost, greedy or lazy repeats, the last iteration's groups)
// with a recursive backtracker instead of sre's VM.

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "object.h"
#include "pylife/unicode.h"

namespace pylife::runtime {
namespace {

// Flag bits, as re's.
constexpr int kIgnoreCase = 2, kLocale = 4, kMultiline = 8, kDotAll = 16, kUnicode = 32, kVerbose = 64,
              kAscii = 256;

// One item of a character set: a range, or a category (\d \w \s and their
// negations).
struct SetItem {
  enum Kind : uint8_t { kRange, kDigit, kNotDigit, kWord, kNotWord, kSpace, kNotSpace } kind = kRange;
  char32_t lo = 0, hi = 0;
};

struct Node {
  enum Kind : uint8_t {
    kChar,        // c
    kAny,         // .
    kSet,         // [...] or a category escape
    kBol,         // ^
    kEol,         // $
    kStart,       // \A
    kEnd,         // \Z
    kWordB,       // \b
    kNotWordB,    // \B
    kGroupStart,  // ( of group [group]
    kGroupEnd,    // ) of group [group]
    kAlt,         // branches
    kRepeat,      // body repeated min..max
    kRepeatTail,  // end of a repeat's body: back to the repeat [repeat]
    kBackref,     // (?P=name) or \N
    kLook,        // lookahead / lookbehind, body ends at kAccept
    kAccept,      // end of a lookaround's or atomic group's body
    kAtomic,      // (?>...) and possessive repeats: no backtracking into the body
    kSuccess,     // end of the pattern
  };
  Kind kind = kSuccess;
  char32_t c = 0;
  bool icase = false, multiline = false, dotall = false, ascii = false;
  bool negate = false;   // kSet: [^...]; kLook: (?! / (?<!
  bool behind = false;   // kLook
  bool greedy = true;    // kRepeat
  int group = 0;         // kGroupStart/End, kBackref
  int min = 0, max = -1; // kRepeat (-1: no limit)
  int body = -1;         // kRepeat, kLook: first node of the body
  int width = 0;         // kLook behind: the fixed width
  int repeat = -1;       // kRepeatTail: its kRepeat
  int next = -1;
  bool simple = false;   // kRepeat: the body is one single-width node
  std::vector<SetItem> set;
  std::vector<int> branches;  // kAlt
};

struct Program : Object {
  std::vector<Node> nodes;
  int start = 0;
  int groups = 0;
  int flags = 0;
  std::vector<std::pair<std::string, int>> names;
};

// ---- character tests ----------------------------------------------------------

char32_t fold(char32_t c) {
  if (c < 128) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
  std::u32string one(1, c);
  std::u32string l = unicode::lower(one);
  return l.size() == 1 ? l[0] : c;
}

bool is_word(char32_t c, bool ascii) {
  if (ascii) return c < 128 && (std::isalnum(static_cast<int>(c)) || c == '_');
  return unicode::is_word(c);
}
bool is_digit(char32_t c, bool ascii) {
  if (ascii) return c >= '0' && c <= '9';
  return unicode::is_decimal(c);
}
bool is_space(char32_t c, bool ascii) {
  if (ascii) return c == ' ' || (c >= '\t' && c <= '\r');
  return unicode::is_space(c);
}

bool set_has(const Node& n, char32_t c) {
  bool found = false;
  for (const SetItem& it : n.set) {
    switch (it.kind) {
      case SetItem::kRange:
        if (c >= it.lo && c <= it.hi) found = true;
        else if (n.icase) {
          char32_t f = fold(c);
          if (f >= it.lo && f <= it.hi) found = true;
          std::u32string up = unicode::upper(std::u32string(1, c));
          if (up.size() == 1 && up[0] >= it.lo && up[0] <= it.hi) found = true;
        }
        break;
      case SetItem::kDigit: found = is_digit(c, n.ascii); break;
      case SetItem::kNotDigit: found = !is_digit(c, n.ascii); break;
      case SetItem::kWord: found = is_word(c, n.ascii); break;
      case SetItem::kNotWord: found = !is_word(c, n.ascii); break;
      case SetItem::kSpace: found = is_space(c, n.ascii); break;
      case SetItem::kNotSpace: found = !is_space(c, n.ascii); break;
    }
    if (found) break;
  }
  return found != n.negate;
}

// ---- the parser (sre_parse) -----------------------------------------------------

struct ParseError {
  std::string msg;
  size_t pos;
};

class Parser {
 public:
  Parser(std::u32string_view p, int flags) : p_(p), flags_(flags) {}

  // The program for the whole pattern, or a ParseError.
  bool parse(Program& prog, ParseError& err) {
    prog_ = &prog;
    // Global inline flags ((?i) at the start) apply to the whole pattern.
    scan_global_flags();
    int end = add(Node::kSuccess);
    int first = -1, last = -1;
    if (!alternation(first, last, flags_)) {
      err = error_;
      return false;
    }
    if (i_ < p_.size()) {
      err = ParseError{p_[i_] == ')' ? "unbalanced parenthesis" : "unexpected end of pattern", i_};
      return false;
    }
    link(last, end);
    prog.start = first >= 0 ? first : end;
    prog.groups = groups_;
    prog.flags = flags_;
    prog.names = names_;
    return true;
  }

 private:
  std::u32string_view p_;
  size_t i_ = 0;
  int flags_;
  int groups_ = 0;
  std::vector<std::pair<std::string, int>> names_;
  std::vector<int> open_groups_;
  Program* prog_ = nullptr;
  ParseError error_;

  bool fail(std::string msg, size_t pos) {
    error_ = ParseError{std::move(msg), pos};
    return false;
  }
  int add(Node::Kind k) {
    prog_->nodes.emplace_back();
    prog_->nodes.back().kind = k;
    return static_cast<int>(prog_->nodes.size() - 1);
  }
  Node& n(int i) { return prog_->nodes[static_cast<size_t>(i)]; }
  // Points every dangling end of the chain ending at [last] to [to].
  void link(int last, int to) {
    if (last >= 0) n(last).next = to;
  }
  bool at_end() const { return i_ >= p_.size(); }

  void skip_verbose(int flags) {
    if (!(flags & kVerbose)) return;
    while (i_ < p_.size()) {
      char32_t c = p_[i_];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') {
        ++i_;
      } else if (c == '#') {
        while (i_ < p_.size() && p_[i_] != '\n') ++i_;
      } else {
        break;
      }
    }
  }

  void scan_global_flags() {
    // Only a leading (?aiLmsux) group sets flags for the whole pattern.
    size_t j = 0;
    while (j + 2 < p_.size() && p_[j] == '(' && p_[j + 1] == '?') {
      size_t k = j + 2;
      int f = 0;
      while (k < p_.size()) {
        int bit = flag_bit(p_[k]);
        if (!bit) break;
        f |= bit;
        ++k;
      }
      if (k < p_.size() && p_[k] == ')' && f) {
        flags_ |= f;
        j = k + 1;
      } else {
        break;
      }
    }
  }

  static int flag_bit(char32_t c) {
    switch (c) {
      case 'a': return kAscii;
      case 'i': return kIgnoreCase;
      case 'L': return kLocale;
      case 'm': return kMultiline;
      case 's': return kDotAll;
      case 'u': return kUnicode;
      case 'x': return kVerbose;
      default: return 0;
    }
  }

  // branch ('|' branch)*: [first] and [last] of the resulting chain.
  bool alternation(int& first, int& last, int flags) {
    std::vector<std::pair<int, int>> branches;
    while (true) {
      int f = -1, l = -1;
      if (!sequence(f, l, flags)) return false;
      branches.push_back({f, l});
      if (i_ < p_.size() && p_[i_] == '|') {
        ++i_;
        continue;
      }
      break;
    }
    if (branches.size() == 1) {
      first = branches[0].first;
      last = branches[0].second;
      return true;
    }
    int alt = add(Node::kAlt);
    int join = add(Node::kGroupEnd);  // an empty node joining the branches
    n(join).group = -1;
    for (auto& b : branches) {
      if (b.first < 0) {
        n(alt).branches.push_back(join);
      } else {
        n(alt).branches.push_back(b.first);
        link(b.second, join);
      }
    }
    first = alt;
    last = join;
    return true;
  }

  // Appends node chain [f..l] to [first..last].
  void append(int& first, int& last, int f, int l) {
    if (f < 0) return;
    if (first < 0) {
      first = f;
    } else {
      link(last, f);
    }
    last = l;
  }

  bool sequence(int& first, int& last, int flags) {
    while (true) {
      skip_verbose(flags);
      if (at_end() || p_[i_] == '|' || p_[i_] == ')') return true;
      size_t atom_pos = i_;
      int f = -1, l = -1;
      bool repeatable = true;
      if (!atom(f, l, flags, repeatable)) return false;
      skip_verbose(flags);
      // Quantifiers.
      if (!at_end() && (p_[i_] == '*' || p_[i_] == '+' || p_[i_] == '?' || (p_[i_] == '{' && is_repeat_brace()))) {
        size_t qpos = i_;
        if (f < 0 || !repeatable) return fail("nothing to repeat", qpos);
        int min = 0, max = -1;
        char32_t q = p_[i_++];
        if (q == '+') {
          min = 1;
        } else if (q == '?') {
          max = 1;
        } else if (q == '{') {
          if (!braces(min, max, qpos)) return false;
        }
        bool greedy = true;
        if (!at_end() && p_[i_] == '?') {
          ++i_;
          greedy = false;
        }
        bool possessive = false;
        if (greedy && !at_end() && p_[i_] == '+') {
          ++i_;
          possessive = true;
        }
        skip_verbose(flags);
        if (!at_end() && (p_[i_] == '*' || p_[i_] == '+' || p_[i_] == '?' || (p_[i_] == '{' && is_repeat_brace()))) {
          return fail("multiple repeat", i_);
        }
        int r = add(Node::kRepeat);
        int tail = add(Node::kRepeatTail);
        n(tail).repeat = r;
        n(r).min = min;
        n(r).max = max;
        n(r).greedy = greedy;
        n(r).body = f;
        n(r).simple = f == l && (n(f).kind == Node::kChar || n(f).kind == Node::kAny || n(f).kind == Node::kSet);
        link(l, tail);
        f = l = r;
        if (possessive) f = l = atomic(r, r);
      }
      (void)atom_pos;
      append(first, last, f, l);
    }
  }

  bool is_repeat_brace() const {
    // {m}, {m,}, {,n}, {m,n}: otherwise a literal '{'.
    size_t j = i_ + 1;
    bool digits = false;
    while (j < p_.size() && p_[j] >= '0' && p_[j] <= '9') {
      ++j;
      digits = true;
    }
    if (j < p_.size() && p_[j] == ',') {
      ++j;
      while (j < p_.size() && p_[j] >= '0' && p_[j] <= '9') {
        ++j;
        digits = true;
      }
    }
    return j < p_.size() && p_[j] == '}' && (digits || p_[j - 1] == ',');
  }

  bool braces(int& min, int& max, size_t qpos) {
    auto number = [&](int& out) {
      bool any = false;
      long v = 0;
      while (!at_end() && p_[i_] >= '0' && p_[i_] <= '9') {
        v = std::min(v * 10 + static_cast<long>(p_[i_] - '0'), 1L << 30);
        ++i_;
        any = true;
      }
      out = static_cast<int>(v);
      return any;
    };
    int lo = 0, hi = -1;
    bool has_lo = number(lo);
    if (!at_end() && p_[i_] == ',') {
      ++i_;
      if (!number(hi)) hi = -1;
    } else {
      hi = lo;
    }
    ++i_;  // '}'
    if (!has_lo) lo = 0;
    if (hi >= 0 && hi < lo) return fail("min repeat greater than max repeat", qpos + 1);
    min = lo;
    max = hi;
    return true;
  }

  int char_node(char32_t c, int flags) {
    int k = add(Node::kChar);
    n(k).icase = flags & kIgnoreCase;
    n(k).c = n(k).icase ? fold(c) : c;
    return k;
  }

  int category_node(SetItem::Kind kind, int flags) {
    int k = add(Node::kSet);
    n(k).set.push_back(SetItem{kind, 0, 0});
    n(k).ascii = flags & kAscii;
    return k;
  }

  bool atom(int& f, int& l, int flags, bool& repeatable) {
    char32_t c = p_[i_];
    size_t here = i_;
    switch (c) {
      case '.': {
        ++i_;
        f = l = add(Node::kAny);
        n(f).dotall = flags & kDotAll;
        return true;
      }
      case '^':
        ++i_;
        f = l = add(Node::kBol);
        n(f).multiline = flags & kMultiline;
        repeatable = false;
        return true;
      case '$':
        ++i_;
        f = l = add(Node::kEol);
        n(f).multiline = flags & kMultiline;
        repeatable = false;
        return true;
      case '*':
      case '+':
      case '?':
        return fail("nothing to repeat", here);
      case '{':
        if (is_repeat_brace()) return fail("nothing to repeat", here);
        ++i_;
        f = l = char_node(c, flags);
        return true;
      case '[': return char_set(f, l, flags);
      case '(': return group(f, l, flags, repeatable);
      case '\\': return escape(f, l, flags, repeatable);
      default:
        ++i_;
        f = l = char_node(c, flags);
        return true;
    }
  }

  bool group(int& f, int& l, int flags, bool& repeatable) {
    size_t open = i_;
    ++i_;
    bool capture = true;
    std::string name;
    int group_flags = flags;
    if (!at_end() && p_[i_] == '?') {
      ++i_;
      if (at_end()) return fail("unexpected end of pattern", i_);
      char32_t c = p_[i_];
      if (c == ':') {
        ++i_;
        capture = false;
      } else if (c == 'P') {
        ++i_;
        if (!at_end() && p_[i_] == '<') {
          ++i_;
          size_t start = i_;
          while (!at_end() && p_[i_] != '>') ++i_;
          if (at_end()) return fail("missing >, unterminated name", start);
          name = unicode::encode_utf8(p_.substr(start, i_ - start));
          if (name.empty()) return fail("missing group name", start);
          if (!unicode::is_identifier(p_.substr(start, i_ - start))) {
            return fail("bad character in group name '" + name + "'", start);
          }
          ++i_;
          for (auto& nm : names_) {
            if (nm.first == name) return fail("redefinition of group name '" + name + "' as group " + std::to_string(groups_ + 1) + "; was group " + std::to_string(nm.second), start);
          }
        } else if (!at_end() && p_[i_] == '=') {
          ++i_;
          size_t start = i_;
          while (!at_end() && p_[i_] != ')') ++i_;
          if (at_end()) return fail("missing ), unterminated name", start);
          std::string ref = unicode::encode_utf8(p_.substr(start, i_ - start));
          ++i_;
          for (auto& nm : names_) {
            if (nm.first == ref) {
              f = l = add(Node::kBackref);
              n(f).group = nm.second;
              n(f).icase = flags & kIgnoreCase;
              return true;
            }
          }
          return fail("unknown group name '" + ref + "'", start);
        } else {
          return fail("unknown extension ?P" + (at_end() ? std::string() : unicode::encode_utf8(std::u32string(1, p_[i_]))), i_ - 1);
        }
      } else if (c == '=' || c == '!' || c == '<') {
        bool behind = false;
        if (c == '<') {
          ++i_;
          if (at_end() || (p_[i_] != '=' && p_[i_] != '!')) {
            return fail("unknown extension ?<" + (at_end() ? std::string() : unicode::encode_utf8(std::u32string(1, p_[i_]))), i_ - 1);
          }
          behind = true;
          c = p_[i_];
        }
        ++i_;
        int bf = -1, bl = -1;
        if (!alternation(bf, bl, flags)) return false;
        if (at_end()) return fail("missing ), unterminated subpattern", open);
        ++i_;
        int look = add(Node::kLook);
        int accept = add(Node::kAccept);
        if (bf < 0) {
          bf = accept;
        } else {
          link(bl, accept);
        }
        n(look).body = bf;
        n(look).negate = c == '!';
        n(look).behind = behind;
        if (behind) {
          int w = width(bf, accept);
          if (w < 0) return fail("look-behind requires fixed-width pattern", static_cast<size_t>(-1));
          n(look).width = w;
        }
        f = l = look;
        repeatable = true;
        return true;
      } else if (c == '#') {
        while (!at_end() && p_[i_] != ')') ++i_;
        if (at_end()) return fail("missing ), unterminated comment", open);
        ++i_;
        f = l = -1;
        return true;
      } else if (c == '(') {
        return fail("conditional groups are not supported by pylife yet", i_);
      } else if (c == '>') {
        ++i_;
        int bf = -1, bl = -1;
        if (!alternation(bf, bl, flags)) return false;
        if (at_end()) return fail("missing ), unterminated subpattern", open);
        ++i_;
        f = l = atomic(bf, bl);
        return true;
      } else if (flag_bit(c) || c == '-') {
        // (?flags) or (?flags-flags:...)
        int on = 0, off = 0;
        while (!at_end() && flag_bit(p_[i_])) on |= flag_bit(p_[i_++]);
        if (!at_end() && p_[i_] == '-') {
          ++i_;
          while (!at_end() && flag_bit(p_[i_])) off |= flag_bit(p_[i_++]);
        }
        if (at_end()) return fail("missing -, : or )", i_);
        if (p_[i_] == ')') {
          ++i_;
          if (open != 0 && !(open_at_start(open))) {
            return fail("global flags not at the start of the expression", open);
          }
          f = l = -1;
          return true;
        }
        if (p_[i_] != ':') return fail("missing :", i_);
        ++i_;
        capture = false;
        group_flags = (flags | on) & ~off;
      } else {
        return fail("unknown extension ?" + unicode::encode_utf8(std::u32string(1, c)), i_ - 1);
      }
    }
    int index = 0;
    if (capture) {
      index = ++groups_;
      if (!name.empty()) names_.push_back({name, index});
      open_groups_.push_back(index);
    }
    int bf = -1, bl = -1;
    if (!alternation(bf, bl, group_flags)) return false;
    if (at_end()) return fail("missing ), unterminated subpattern", open);
    ++i_;
    if (!capture) {
      f = bf;
      l = bl;
      if (f < 0) {
        f = l = add(Node::kGroupEnd);
        n(f).group = -1;
      }
      return true;
    }
    open_groups_.pop_back();
    int gs = add(Node::kGroupStart);
    int ge = add(Node::kGroupEnd);
    n(gs).group = n(ge).group = index;
    if (bf < 0) {
      n(gs).next = ge;
    } else {
      n(gs).next = bf;
      link(bl, ge);
    }
    f = gs;
    l = ge;
    return true;
  }

  // An atomic group around the chain [bf..bl] (may be empty).
  int atomic(int bf, int bl) {
    int a = add(Node::kAtomic);
    int accept = add(Node::kAccept);
    if (bf < 0) {
      bf = accept;
    } else {
      link(bl, accept);
    }
    n(a).body = bf;
    return a;
  }

  bool open_at_start(size_t open) const {
    // Flags groups at the very start (possibly several) are global.
    size_t j = 0;
    while (j < open) {
      if (p_[j] != '(' || j + 1 >= p_.size() || p_[j + 1] != '?') return false;
      while (j < p_.size() && p_[j] != ')') ++j;
      ++j;
    }
    return j == open;
  }

  // The fixed width of the chain from [from] to [stop], or -1.
  int width(int from, int stop) {
    int w = 0;
    int k = from;
    int guard = 0;
    while (k >= 0 && k != stop && ++guard < 100000) {
      Node& x = n(k);
      switch (x.kind) {
        case Node::kChar:
        case Node::kAny:
        case Node::kSet: ++w; k = x.next; break;
        case Node::kBol: case Node::kEol: case Node::kStart: case Node::kEnd: case Node::kWordB:
        case Node::kNotWordB: case Node::kGroupStart: case Node::kGroupEnd: case Node::kLook:
          k = x.next;
          break;
        case Node::kAtomic: {
          int accept = x.body;
          while (n(accept).kind != Node::kAccept) {
            if (n(accept).next < 0) return -1;
            accept = n(accept).next;
          }
          int bw = width(x.body, accept);
          if (bw < 0) return -1;
          w += bw;
          k = x.next;
          break;
        }
        case Node::kRepeat: {
          if (x.min != x.max) return -1;
          int tail = x.body;
          while (n(tail).kind != Node::kRepeatTail || n(tail).repeat != k) {
            if (n(tail).next < 0) return -1;
            tail = n(tail).next;
          }
          int bw = width(x.body, tail);
          if (bw < 0) return -1;
          w += bw * x.min;
          k = x.next;
          break;
        }
        case Node::kAlt: {
          int common = -1;
          int join = k + 1;  // added right after its kAlt
          for (int b : x.branches) {
            int bw = width(b, join);
            if (bw < 0 || (common >= 0 && bw != common)) return -1;
            common = bw;
          }
          w += common;
          k = n(join).next;
          break;
        }
        default: return -1;
      }
    }
    return w;
  }

  bool char_set(int& f, int& l, int flags) {
    size_t open = i_;
    ++i_;
    int k = add(Node::kSet);
    n(k).icase = flags & kIgnoreCase;
    n(k).ascii = flags & kAscii;
    if (!at_end() && p_[i_] == '^') {
      n(k).negate = true;
      ++i_;
    }
    bool first = true;
    while (true) {
      if (at_end()) return fail("unterminated character set", open);
      char32_t c = p_[i_];
      if (c == ']' && !first) {
        ++i_;
        break;
      }
      first = false;
      size_t item_pos = i_;
      char32_t lo;
      SetItem::Kind cat = SetItem::kRange;
      if (!set_char(lo, cat, flags)) return false;
      if (cat != SetItem::kRange) {
        n(k).set.push_back(SetItem{cat, 0, 0});
        continue;
      }
      if (i_ + 1 < p_.size() && p_[i_] == '-' && p_[i_ + 1] != ']') {
        ++i_;
        char32_t hi;
        SetItem::Kind cat2 = SetItem::kRange;
        size_t hi_pos = i_;
        if (!set_char(hi, cat2, flags)) return false;
        if (cat2 != SetItem::kRange) {
          return fail("bad character range " + unicode::encode_utf8(std::u32string(p_.substr(item_pos, i_ - item_pos))), item_pos);
        }
        (void)hi_pos;
        if (hi < lo) {
          return fail("bad character range " + unicode::encode_utf8(std::u32string(p_.substr(item_pos, i_ - item_pos))), item_pos);
        }
        add_range(n(k), lo, hi);
      } else {
        add_range(n(k), lo, lo);
      }
    }
    f = l = k;
    return true;
  }

  void add_range(Node& node, char32_t lo, char32_t hi) {
    if (node.icase) {
      // Both cases of a range's letters.
      if (hi - lo < 512) {
        for (char32_t c = lo; c <= hi; ++c) {
          char32_t fc = fold(c);
          node.set.push_back(SetItem{SetItem::kRange, fc, fc});
        }
      }
    }
    node.set.push_back(SetItem{SetItem::kRange, lo, hi});
  }

  // One character of a set (or a category escape).
  bool set_char(char32_t& out, SetItem::Kind& cat, int flags) {
    (void)flags;
    char32_t c = p_[i_];
    if (c != '\\') {
      out = c;
      ++i_;
      return true;
    }
    size_t esc = i_;
    ++i_;
    if (at_end()) return fail("bad escape (end of pattern)", esc);
    c = p_[i_++];
    switch (c) {
      case 'd': cat = SetItem::kDigit; return true;
      case 'D': cat = SetItem::kNotDigit; return true;
      case 'w': cat = SetItem::kWord; return true;
      case 'W': cat = SetItem::kNotWord; return true;
      case 's': cat = SetItem::kSpace; return true;
      case 'S': cat = SetItem::kNotSpace; return true;
      case 'b': out = '\b'; return true;
      default: return simple_escape(c, esc, out, true);
    }
  }

  // \n \t ..., \xhh, \uhhhh, \Uhhhhhhhh, \N{...} (not supported), octal,
  // and escaped punctuation.
  bool simple_escape(char32_t c, size_t esc, char32_t& out, bool in_set) {
    auto hex = [&](int digits) {
      char32_t v = 0;
      for (int d = 0; d < digits; ++d) {
        if (at_end() || !std::isxdigit(static_cast<int>(p_[i_] < 128 ? p_[i_] : 'g'))) {
          return fail("incomplete escape \\" + unicode::encode_utf8(std::u32string(p_.substr(esc + 1, i_ - esc - 1))), esc);
        }
        char32_t h = p_[i_++];
        v = v * 16 + static_cast<char32_t>(h <= '9' ? h - '0' : (h | 32) - 'a' + 10);
      }
      out = v;
      return true;
    };
    switch (c) {
      case 'a': out = '\a'; return true;
      case 'f': out = '\f'; return true;
      case 'n': out = '\n'; return true;
      case 'r': out = '\r'; return true;
      case 't': out = '\t'; return true;
      case 'v': out = '\v'; return true;
      case '\\': out = '\\'; return true;
      case 'x': return hex(2);
      case 'u': return hex(4);
      case 'U': {
        if (!hex(8)) return false;
        if (out > 0x10FFFF) return fail("bad escape \\" + unicode::encode_utf8(std::u32string(p_.substr(esc + 1, i_ - esc - 1))), esc);
        return true;
      }
      case '0': {
        char32_t v = 0;
        int digits = 0;
        --i_;
        while (digits < 3 && !at_end() && p_[i_] >= '0' && p_[i_] <= '7') {
          v = v * 8 + (p_[i_++] - '0');
          ++digits;
        }
        out = v;
        return true;
      }
      default:
        if (c >= '1' && c <= '9' && in_set) {
          // Octal in a set (\1 is not a group reference there).
          char32_t v = c - '0';
          int digits = 1;
          while (digits < 3 && !at_end() && p_[i_] >= '0' && p_[i_] <= '7') {
            v = v * 8 + (p_[i_++] - '0');
            ++digits;
          }
          if (digits < 3 && c >= '8') return fail("bad escape \\" + unicode::encode_utf8(std::u32string(1, c)), esc);
          out = v;
          return true;
        }
        if (c < 128 && std::isalnum(static_cast<int>(c))) {
          return fail("bad escape \\" + unicode::encode_utf8(std::u32string(1, c)), esc);
        }
        out = c;
        return true;
    }
  }

  bool escape(int& f, int& l, int flags, bool& repeatable) {
    size_t esc = i_;
    ++i_;
    if (at_end()) return fail("bad escape (end of pattern)", esc);
    char32_t c = p_[i_++];
    auto anchor = [&](Node::Kind k) {
      f = l = add(k);
      n(f).ascii = flags & kAscii;
      repeatable = false;
      return true;
    };
    switch (c) {
      case 'd': f = l = category_node(SetItem::kDigit, flags); return true;
      case 'D': f = l = category_node(SetItem::kNotDigit, flags); return true;
      case 'w': f = l = category_node(SetItem::kWord, flags); return true;
      case 'W': f = l = category_node(SetItem::kNotWord, flags); return true;
      case 's': f = l = category_node(SetItem::kSpace, flags); return true;
      case 'S': f = l = category_node(SetItem::kNotSpace, flags); return true;
      case 'A': return anchor(Node::kStart);
      case 'Z': return anchor(Node::kEnd);
      case 'b': return anchor(Node::kWordB);
      case 'B': return anchor(Node::kNotWordB);
      default: break;
    }
    if (c >= '1' && c <= '9') {
      // A group reference (up to two digits), or octal with three.
      size_t start = i_ - 1;
      int v = static_cast<int>(c - '0');
      if (!at_end() && p_[i_] >= '0' && p_[i_] <= '9') {
        // Three octal digits make a character.
        if (i_ + 1 < p_.size() && c <= '7' && p_[i_] <= '7' && p_[i_ + 1] >= '0' && p_[i_ + 1] <= '7') {
          char32_t o = static_cast<char32_t>((c - '0') * 64 + (p_[i_] - '0') * 8 + (p_[i_ + 1] - '0'));
          i_ += 2;
          if (o > 0377) return fail("octal escape value \\" + unicode::encode_utf8(std::u32string(p_.substr(start, 3))) + " outside of range 0-0o377", esc);
          f = l = char_node(o, flags);
          return true;
        }
        v = v * 10 + static_cast<int>(p_[i_++] - '0');
      }
      if (v > groups_) return fail("invalid group reference " + std::to_string(v), start);
      for (int g : open_groups_) {
        if (g == v) return fail("cannot refer to an open group", esc);
      }
      f = l = add(Node::kBackref);
      n(f).group = v;
      n(f).icase = flags & kIgnoreCase;
      return true;
    }
    char32_t out;
    if (!simple_escape(c, esc, out, false)) return false;
    f = l = char_node(out, flags);
    return true;
  }
};

// ---- the matcher -------------------------------------------------------------------

class Matcher {
 public:
  Matcher(const Program& prog, std::u32string_view s, size_t endpos)
      : prog_(prog), s_(s), end_(endpos), marks_(static_cast<size_t>(2 * (prog.groups + 1)), -1) {}

  // Matches at [pos]: the end position, or -1.  [full]: must end at endpos.
  long match(size_t pos, bool full, bool must_advance = false) {
    full_ = full;
    start_ = pos;
    no_empty_ = must_advance;
    std::fill(marks_.begin(), marks_.end(), -1);
    reps_.clear();
    looks_.clear();
    depth_ = 0;
    if (!run(prog_.start, pos)) return -1;
    marks_[0] = static_cast<long>(pos);
    marks_[1] = static_cast<long>(final_);
    return static_cast<long>(final_);
  }
  const std::vector<long>& marks() const { return marks_; }
  bool too_deep() const { return too_deep_; }

 private:
  const Program& prog_;
  std::u32string_view s_;
  size_t end_;
  bool full_ = false;
  size_t start_ = 0;
  bool no_empty_ = false;  // an empty match at start_ does not count
  std::vector<long> marks_;
  size_t final_ = 0;
  struct Rep {
    int node;
    int count;
    size_t start;
  };
  std::vector<Rep> reps_;
  std::vector<size_t> looks_;  // where each active lookbehind must end
  int depth_ = 0;
  size_t accepted_ = 0;  // where the last lookaround or atomic body ended
  bool too_deep_ = false;
  static constexpr int kMaxDepth = 20000;

  const Node& n(int i) const { return prog_.nodes[static_cast<size_t>(i)]; }

  bool word_at(size_t i, bool ascii) const { return i < end_ && is_word(s_[i], ascii); }

  // One single-width node against s[i].
  bool one(const Node& x, size_t i) const {
    if (i >= end_) return false;
    char32_t c = s_[i];
    switch (x.kind) {
      case Node::kChar: return x.icase ? (fold(c) == x.c || c == x.c) : c == x.c;
      case Node::kAny: return x.dotall || c != '\n';
      case Node::kSet: return set_has(x, c);
      default: return false;
    }
  }

  bool run(int k, size_t i) {
    if (++depth_ > kMaxDepth) {
      too_deep_ = true;
      --depth_;
      return false;
    }
    bool r = step(k, i);
    --depth_;
    return r;
  }

  bool step(int k, size_t i) {
    while (true) {
      if (too_deep_) return false;
      const Node& x = n(k);
      switch (x.kind) {
        case Node::kChar:
        case Node::kAny:
        case Node::kSet:
          if (!one(x, i)) return false;
          ++i;
          k = x.next;
          continue;
        case Node::kBol:
          if (!(i == 0 || (x.multiline && s_[i - 1] == '\n'))) return false;
          k = x.next;
          continue;
        case Node::kEol:
          if (!(i == end_ || (i + 1 == end_ && s_[i] == '\n') || (x.multiline && i < end_ && s_[i] == '\n'))) {
            return false;
          }
          k = x.next;
          continue;
        case Node::kStart:
          if (i != 0) return false;
          k = x.next;
          continue;
        case Node::kEnd:
          if (i != end_) return false;
          k = x.next;
          continue;
        case Node::kWordB:
        case Node::kNotWordB: {
          bool before = i > 0 && is_word(s_[i - 1], x.ascii);
          bool after = word_at(i, x.ascii);
          if ((before != after) != (x.kind == Node::kWordB)) return false;
          k = x.next;
          continue;
        }
        case Node::kGroupStart: {
          // The start is kept aside until the group ends.
          size_t g = static_cast<size_t>(x.group);
          long old = pending_start(g);
          set_pending_start(g, static_cast<long>(i));
          if (run(x.next, i)) return true;
          set_pending_start(g, old);
          return false;
        }
        case Node::kGroupEnd: {
          if (x.group < 0) {  // a join
            k = x.next;
            continue;
          }
          size_t g = static_cast<size_t>(x.group);
          long old_s = marks_[2 * g], old_e = marks_[2 * g + 1];
          marks_[2 * g] = pending_start(g);
          marks_[2 * g + 1] = static_cast<long>(i);
          if (run(x.next, i)) return true;
          marks_[2 * g] = old_s;
          marks_[2 * g + 1] = old_e;
          return false;
        }
        case Node::kAlt:
          for (size_t b = 0; b + 1 < x.branches.size(); ++b) {
            if (run(x.branches[b], i)) return true;
            if (too_deep_) return false;
          }
          k = x.branches.back();
          continue;
        case Node::kRepeat:
          if (x.simple) return simple_repeat(x, i);
          reps_.push_back(Rep{k, 0, i});
          if (repeat_from(k, 0, i)) return true;
          reps_.pop_back();
          return false;
        case Node::kRepeatTail: {
          Rep r = reps_.back();
          // An iteration that matched nothing ends the loop (sre's rule):
          // what follows the repeat comes next.
          if (i == r.start && r.count >= n(r.node).min) return after_repeat(r.node, i);
          reps_.back().count = r.count + 1;
          reps_.back().start = i;
          if (repeat_from(r.node, r.count + 1, i)) return true;
          reps_.back() = r;
          return false;
        }
        case Node::kBackref: {
          size_t g = static_cast<size_t>(x.group);
          long gs = marks_[2 * g], ge = marks_[2 * g + 1];
          if (gs < 0 || ge < 0) return false;
          size_t len = static_cast<size_t>(ge - gs);
          if (i + len > end_) return false;
          for (size_t j = 0; j < len; ++j) {
            char32_t a = s_[static_cast<size_t>(gs) + j], b = s_[i + j];
            if (a != b && !(x.icase && fold(a) == fold(b))) return false;
          }
          i += len;
          k = x.next;
          continue;
        }
        case Node::kLook: {
          bool ok;
          std::vector<long> saved = marks_;
          if (x.behind) {
            if (i < static_cast<size_t>(x.width)) {
              ok = false;
            } else {
              looks_.push_back(i);
              ok = run(x.body, i - static_cast<size_t>(x.width));
              looks_.pop_back();
            }
          } else {
            looks_.push_back(static_cast<size_t>(-1));
            ok = run(x.body, i);
            looks_.pop_back();
          }
          if (ok == x.negate) {
            marks_ = saved;
            return false;
          }
          if (x.negate) marks_ = saved;  // a negative lookaround sets no groups
          // Groups set inside a positive lookaround stay set; backtracking
          // past it restores them.
          if (run(x.next, i)) return true;
          marks_ = saved;
          return false;
        }
        case Node::kAccept:
          if (looks_.back() != static_cast<size_t>(-1) && looks_.back() != i) return false;
          accepted_ = i;
          return true;
        case Node::kAtomic: {
          // The body's first match, then never back into it.
          std::vector<long> saved = marks_;
          looks_.push_back(static_cast<size_t>(-1));
          bool ok = run(x.body, i);
          looks_.pop_back();
          if (!ok) {
            marks_ = saved;
            return false;
          }
          if (run(x.next, accepted_)) return true;
          marks_ = saved;
          return false;
        }
        case Node::kSuccess:
          if (full_ && i != end_) return false;
          if (no_empty_ && i == start_) return false;
          final_ = i;
          return true;
      }
    }
  }

  // The pending starts of groups live past the end marks.
  std::vector<long> pending_;
  long pending_start(size_t g) {
    if (pending_.size() <= g) pending_.resize(g + 1, -1);
    return pending_[g];
  }
  void set_pending_start(size_t g, long v) {
    if (pending_.size() <= g) pending_.resize(g + 1, -1);
    pending_[g] = v;
  }

  // After [count] iterations of repeat [k] ending at [i]: another
  // iteration or what follows, in greedy or lazy order.
  bool repeat_from(int k, int count, size_t i) {
    const Node& x = n(k);
    bool more = x.max < 0 || count < x.max;
    if (count < x.min) return run(x.body, i);
    if (x.greedy) {
      if (more && run(x.body, i)) return true;
      if (too_deep_) return false;
      return after_repeat(k, i);
    }
    if (after_repeat(k, i)) return true;
    if (too_deep_) return false;
    return more && run(x.body, i);
  }

  bool after_repeat(int k, size_t i) {
    Rep saved = reps_.back();
    reps_.pop_back();
    bool ok = run(n(k).next, i);
    reps_.push_back(saved);
    return ok;
  }

  // A repeat of one single-width item: count the matches, then try what
  // follows from the longest (greedy) or shortest (lazy) on.
  bool simple_repeat(const Node& x, size_t i) {
    const Node& item = n(x.body);
    size_t limit = x.max < 0 ? end_ - std::min(i, end_) : static_cast<size_t>(x.max);
    size_t count = 0;
    if (x.greedy) {
      while (count < limit && one(item, i + count)) ++count;
      if (count < static_cast<size_t>(x.min)) return false;
      for (size_t c = count + 1; c-- > static_cast<size_t>(x.min);) {
        if (run(x.next, i + c)) return true;
        if (too_deep_) return false;
      }
      return false;
    }
    while (count < static_cast<size_t>(x.min)) {
      if (!one(item, i + count)) return false;
      ++count;
    }
    while (true) {
      if (run(x.next, i + count)) return true;
      if (too_deep_) return false;
      if (count >= limit || !one(item, i + count)) return false;
      ++count;
    }
  }
};

// ---- the module ------------------------------------------------------------------------

Object* raise_sre_error(Interp& in, const std::string& msg, size_t pos) {
  // _pylife_sre.error(message, position); re.py turns it into re.error.
  Object* where = pos == static_cast<size_t>(-1) ? incref(in.None) : new_int(in, static_cast<int64_t>(pos));
  Object* args = new_tuple(in, {new_str(in, msg), where});
  Object* mod = dict_get_str(in.modules, iname(in, "_pylife_sre"));
  Object* type = mod && as_module(mod) ? dict_get_str(as_module(mod)->dict, iname(in, "error")) : nullptr;
  if (!type || !is_type(type, in.t.type)) {
    decref(args);
    return in.raise(in.t.ValueError, msg);
  }
  return in.raise_obj(new_exception(in, static_cast<Type*>(type), args));
}

Object* sre_compile(Interp& in, Object* self, const Args& args) {
  if (!arg_count(in, "compile", args, 2, 2)) return nullptr;
  if (!is_type(args.items[0], in.t.str)) {
    return in.raise(in.t.TypeError, "pylife's re handles str patterns only, not " + type_name(args.items[0]));
  }
  int64_t flags = 0;
  if (!index_value(in, args.items[1], &flags)) return nullptr;
  auto* type = static_cast<Type*>(static_cast<WrapperObj*>(self)->a);
  auto* prog = in.alloc<Program>(type);
  Parser parser(str_view(args.items[0]), static_cast<int>(flags));
  ParseError err;
  if (!parser.parse(*prog, err)) {
    decref(prog);
    return raise_sre_error(in, err.msg, err.pos);
  }
  if (!(prog->flags & kAscii)) prog->flags |= kUnicode;
  DictObj* names = new_dict(in);
  for (auto& nm : prog->names) {
    Object* k = new_str(in, nm.first);
    Object* v = new_int(in, nm.second);
    dict_set(in, names, k, v);
    decref(k);
    decref(v);
  }
  return new_tuple(in, {prog, new_int(in, prog->flags), new_int(in, prog->groups), names});
}

Object* sre_match(Interp& in, Object*, const Args& args) {
  if (!arg_count(in, "match", args, 6, 6)) return nullptr;
  int must_advance = truth(in, args.items[5]);
  if (must_advance < 0) return nullptr;
  auto* prog = static_cast<Program*>(args.items[0]);
  if (!is_type(args.items[1], in.t.str)) {
    return in.raise(in.t.TypeError, "cannot use a string pattern on a bytes-like object");
  }
  std::u32string_view s = str_view(args.items[1]);
  int64_t pos = 0, endpos = 0, mode = 0;
  if (!index_value(in, args.items[2], &pos) || !index_value(in, args.items[3], &endpos) ||
      !index_value(in, args.items[4], &mode)) {
    return nullptr;
  }
  int64_t len = static_cast<int64_t>(s.size());
  endpos = std::clamp<int64_t>(endpos, 0, len);
  pos = std::clamp<int64_t>(pos, 0, len);
  if (pos > endpos) return incref(in.None);
  Matcher m(*prog, s, static_cast<size_t>(endpos));
  for (int64_t at = pos; at <= endpos; ++at) {
    long end = m.match(static_cast<size_t>(at), mode == 1, must_advance && at == pos);
    if (m.too_deep()) {
      return in.raise(in.t.RecursionError, "maximum recursion depth exceeded in regular expression matching");
    }
    if (end >= 0) {
      std::vector<Object*> items;
      for (long v : m.marks()) items.push_back(new_int(in, v));
      return new_tuple(in, std::move(items));
    }
    if (mode != 2) break;
  }
  return incref(in.None);
}

}  // namespace

void init_sre_module(Interp& in) {
  ModuleObj* mod = make_module(in, "_pylife_sre");
  Type* prog = new_static_type(in, "_pylife_sre.Program", in.t.object);
  prog->interp = &in;
  prog->basetype = false;
  auto* holder = in.alloc<WrapperObj>(in.t.staticmethod);
  holder->a = incref(prog);
  dict_set_str(in, mod->dict, "compile", new_builtin(in, "compile", sre_compile, holder));
  dict_set_str(in, mod->dict, "match", new_builtin(in, "match", sre_match, mod));
  Type* error = new_static_type(in, "_pylife_sre.error", in.t.Exception);
  error->interp = &in;
  dict_set_str(in, mod->dict, "error", error);
  decref(holder);
  decref(prog);
  decref(mod);
}

}  // namespace pylife::runtime
