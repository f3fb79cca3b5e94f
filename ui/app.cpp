// Panels of the visualizer and the per-frame layout.
#include "app.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <iterator>

#include "imgui.h"
#include "pylife/ast.h"
#include "pylife/dis.h"
#include "pylife/unicode.h"
#include "pylife/version.h"

namespace pylife::ui {

namespace {

// A stage's name and whether this build already implements it.
struct StageInfo {
  Stage stage;
  const char* name;
  bool built;
};

constexpr StageInfo kStages[] = {
    {Stage::kSource, "Source", true}, {Stage::kTokens, "Tokens", true},
    {Stage::kAst, "AST", true},       {Stage::kBytecode, "Bytecode", true},
    {Stage::kVm, "VM", false},        {Stage::kTermination, "Termination", false},
};

constexpr const char* kWelcome =
    "# Welcome to pylife: a see-through Python.\n"
    "def greet(name):\n"
    "    return f\"Hello, {name}!\"\n"
    "\n"
    "print(greet(\"world\"))\n";

// ImGui text input callback that grows a std::string.
int resize_callback(ImGuiInputTextCallbackData* data) {
  if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
    auto* text = static_cast<std::string*>(data->UserData);
    text->resize(static_cast<size_t>(data->BufTextLen));
    data->Buf = text->data();
  }
  return 0;
}

// The pipeline bar: Source → Tokens → AST → Bytecode → VM → Termination.
void draw_pipeline(AppState& state) {
  const ImVec4 live(0.25f, 0.55f, 0.95f, 1.0f), built(0.22f, 0.40f, 0.30f, 1.0f),
      later(0.28f, 0.28f, 0.30f, 1.0f);
  bool first = true;
  for (const auto& info : kStages) {
    if (!first) {
      ImGui::SameLine();
      ImGui::TextUnformatted("\u2192");
      ImGui::SameLine();
    }
    first = false;
    ImVec4 colour = state.focus == info.stage ? live : info.built ? built : later;
    ImGui::PushStyleColor(ImGuiCol_Button, colour);
    if (ImGui::Button(info.name)) state.focus = info.stage;
    ImGui::PopStyleColor();
    if (ImGui::IsItemHovered()) {
      ImGui::SetTooltip("%s", info.built ? "built: click to focus its panel"
                                         : "this stage arrives in a later pylife release");
    }
  }
}

// Editor: the program text; edits re-run the front stages.
class EditorPanel final : public Panel {
 public:
  const char* title() const override { return "Editor"; }
  void draw(AppState& state) override {
    ImVec2 size = ImGui::GetContentRegionAvail();
    if (ImGui::InputTextMultiline(
            "##program", state.program.data(), state.program.capacity() + 1, size,
            ImGuiInputTextFlags_AllowTabInput | ImGuiInputTextFlags_CallbackResize, resize_callback,
            &state.program)) {
      state.refresh();
    }
  }
};

// Colour of a token type in chips and tables.
ImVec4 token_colour(lex::TokenType t) {
  using T = lex::TokenType;
  switch (t) {
    case T::NAME: return ImVec4(0.55f, 0.80f, 1.00f, 1.0f);
    case T::NUMBER: return ImVec4(0.75f, 0.60f, 1.00f, 1.0f);
    case T::STRING: return ImVec4(0.60f, 0.90f, 0.55f, 1.0f);
    case T::COMMENT: return ImVec4(0.55f, 0.58f, 0.62f, 1.0f);
    case T::NEWLINE:
    case T::NL:
    case T::INDENT:
    case T::DEDENT:
    case T::ENDMARKER:
    case T::ENCODING: return ImVec4(0.85f, 0.75f, 0.40f, 1.0f);
    case T::ERRORTOKEN: return ImVec4(1.00f, 0.45f, 0.40f, 1.0f);
    default: return ImVec4(0.95f, 0.95f, 0.95f, 1.0f);
  }
}

// The SyntaxError box shared by the stage panels.
void draw_syntax_error(const AppState& state) {
  const auto& r = state.parsed;
  if (r.ok || !state.decoded.ok) return;
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.55f, 0.5f, 1.0f));
  ImGui::TextUnformatted(parse::format_error(r.error, state.filename).c_str());
  ImGui::PopStyleColor();
}

// Source: what decoding the bytes produced (encoding, lines, errors).
class SourcePanel final : public Panel {
 public:
  const char* title() const override { return "Source"; }
  void draw(AppState& state) override {
    const auto& d = state.decoded;
    if (!d.ok) {
      ImGui::TextColored(ImVec4(1.0f, 0.45f, 0.4f, 1.0f), "SyntaxError: %s",
                         d.error.message.c_str());
      if (d.error.lineno > 0) ImGui::Text("line %d", d.error.lineno);
      return;
    }
    draw_syntax_error(state);
    auto lines = source::split_lines(d.source.text);
    ImGui::Text("encoding: %s", d.source.encoding.c_str());
    ImGui::Text("%zu bytes of UTF-8 in %zu lines", d.source.text.size(), lines.size());
    ImGui::Separator();
    if (ImGui::BeginTable("lines", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY)) {
      ImGui::TableSetupColumn("line", ImGuiTableColumnFlags_WidthFixed, 40.0f);
      ImGui::TableSetupColumn("text");
      for (size_t i = 0; i < lines.size(); ++i) {
        ImGui::TableNextRow();
        if (static_cast<int>(i + 1) == state.highlight_line) {
          ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, IM_COL32(60, 80, 130, 255));
        }
        ImGui::TableNextColumn();
        ImGui::Text("%zu", i + 1);
        ImGui::TableNextColumn();
        std::string_view line = lines[i];
        while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
        ImGui::TextUnformatted(line.data(), line.data() + line.size());
      }
      ImGui::EndTable();
    }
  }
};

// Tokens: the stream exactly as `python3 -m tokenize` reports it.
class TokensPanel final : public Panel {
 public:
  const char* title() const override { return "Tokens"; }
  void draw(AppState& state) override {
    const auto& toks = state.tokens.tokens;
    ImGui::Text("%zu tokens", toks.size());
    if (!state.tokens.ok()) {
      ImGui::SameLine();
      ImGui::TextColored(ImVec4(1.0f, 0.5f, 0.4f, 1.0f), "  tokenize stops: %s (line %d)",
                         state.tokens.error.message.c_str(), state.tokens.error.line);
    }
    ImGui::Checkbox("exact operator types", &exact_);
    if (!ImGui::BeginTable("tokens", 3,
                           ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                               ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_Resizable)) {
      return;
    }
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("position", ImGuiTableColumnFlags_WidthFixed, 120.0f);
    ImGui::TableSetupColumn("type", ImGuiTableColumnFlags_WidthFixed, 120.0f);
    ImGui::TableSetupColumn("text");
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(toks.size()));
    while (clipper.Step()) {
      for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
        const lex::Token& t = toks[static_cast<size_t>(i)];
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::Text("%d,%d-%d,%d", t.start.line, t.start.col, t.end.line, t.end.col);
        if (ImGui::IsItemHovered()) state.hovered_line = t.start.line;
        ImGui::TableNextColumn();
        std::string_view name = lex::token_name(exact_ ? t.exact() : t.type);
        ImGui::TextColored(token_colour(t.type), "%.*s", static_cast<int>(name.size()),
                           name.data());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(unicode::repr_str(t.text).c_str());
      }
    }
    ImGui::EndTable();
  }

 private:
  bool exact_ = false;
};

// AST: the tree as ast.dump sees it, one collapsible node per AST node.
class AstPanel final : public Panel {
 public:
  const char* title() const override { return "AST"; }
  void draw(AppState& state) override {
    if (!state.parsed.ok) {
      draw_syntax_error(state);
      return;
    }
    if (ImGui::Button("Copy ast.dump")) {
      ImGui::SetClipboardText(ast::dump(state.parsed.module, 2).c_str());
    }
    ImGui::Separator();
    ImGui::BeginChild("tree");
    draw_node(state, state.parsed.module, "Module", 0);
    ImGui::EndChild();
  }

 private:
  // One node: "field: Kind  line:col-line:col", its fields as children.
  void draw_node(AppState& state, const ast::Node* n, const std::string& label, int depth) {
    if (!n) {
      ImGui::BulletText("%s: None", label.c_str());
      return;
    }
    const auto& spec = ast::spec(n->kind);
    std::string text = label;
    if (label != spec.name) text += ": " + std::string(spec.name);
    if (spec.located) {
      char loc[64];
      std::snprintf(loc, sizeof loc, "   %d:%d-%d:%d", n->loc.lineno, n->loc.col_offset,
                    n->loc.end_lineno, n->loc.end_col_offset);
      text += loc;
    }
    if (n->fields.empty()) {
      ImGui::BulletText("%s", text.c_str());
      return;
    }
    ImGui::PushID(n);
    ImGuiTreeNodeFlags flags = depth < 3 ? ImGuiTreeNodeFlags_DefaultOpen : 0;
    bool open = ImGui::TreeNodeEx("node", flags, "%s", text.c_str());
    if (ImGui::IsItemHovered() && spec.located) state.hovered_line = n->loc.lineno;
    if (open) {
      for (size_t i = 0; i < n->fields.size(); ++i) {
        const auto& f = ast::field_spec(n->kind, i);
        std::string name(f.name);
        const ast::Value& v = n->fields[i];
        if (auto* child = std::get_if<ast::Node*>(&v)) {
          draw_node(state, *child, name, depth + 1);
        } else if (auto* list = std::get_if<std::vector<ast::Node*>>(&v)) {
          if (list->empty()) {
            ImGui::BulletText("%s: []", name.c_str());
            continue;
          }
          ImGui::PushID(static_cast<int>(i));
          if (ImGui::TreeNodeEx("list", depth < 2 ? ImGuiTreeNodeFlags_DefaultOpen : 0, "%s [%zu]",
                                name.c_str(), list->size())) {
            for (size_t k = 0; k < list->size(); ++k) {
              draw_node(state, (*list)[k], "[" + std::to_string(k) + "]", depth + 2);
            }
            ImGui::TreePop();
          }
          ImGui::PopID();
        } else if (std::holds_alternative<std::monostate>(v)) {
          continue;  // None: ast.dump leaves it out too
        } else {
          std::string shown;
          if (auto* s = std::get_if<std::string>(&v)) shown = unicode::repr_str(*s);
          if (auto* names = std::get_if<std::vector<std::string>>(&v)) {
            for (const auto& nm : *names)
              shown += (shown.empty() ? "" : ", ") + unicode::repr_str(nm);
            shown = "[" + shown + "]";
          }
          if (auto* k = std::get_if<long long>(&v)) shown = std::to_string(*k);
          if (auto* c = std::get_if<ast::Constant>(&v)) shown = ast::repr(*c);
          ImGui::BulletText("%s = %s", name.c_str(), shown.c_str());
        }
      }
      ImGui::TreePop();
    }
    ImGui::PopID();
  }
};

// Scopes: each block of the symbol table and how its names resolve.
class ScopesPanel final : public Panel {
 public:
  const char* title() const override { return "Scopes"; }
  void draw(AppState& state) override {
    if (!state.parsed.ok) {
      ImGui::TextDisabled("(the program does not parse)");
      return;
    }
    if (!state.symbols.ok) {
      ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.55f, 0.5f, 1.0f));
      ImGui::TextUnformatted(parse::format_error(state.symbols.error, state.filename).c_str());
      ImGui::PopStyleColor();
      return;
    }
    draw_block(state, *state.symbols.top, 0);
  }

 private:
  static const char* scope_name(compile::Scope s) {
    switch (s) {
      case compile::Scope::kLocal: return "local";
      case compile::Scope::kGlobalExplicit: return "global (declared)";
      case compile::Scope::kGlobalImplicit: return "global";
      case compile::Scope::kFree: return "free";
      case compile::Scope::kCell: return "cell";
      default: return "?";
    }
  }
  void draw_block(AppState& state, const compile::SymbolTable& t, int depth) {
    static const char* kTypes[] = {"module", "function", "class"};
    ImGui::PushID(&t);
    bool open = ImGui::TreeNodeEx("block", depth < 2 ? ImGuiTreeNodeFlags_DefaultOpen : 0,
                                  "%s %s  (line %d)", kTypes[static_cast<int>(t.type)],
                                  t.name.c_str(), t.lineno);
    if (ImGui::IsItemHovered() && t.lineno > 0) state.hovered_line = t.lineno;
    if (open) {
      for (const auto& sym : t.symbols) {
        ImVec4 colour = sym.scope == compile::Scope::kCell || sym.scope == compile::Scope::kFree
                            ? ImVec4(1.0f, 0.75f, 0.35f, 1.0f)
                        : sym.scope == compile::Scope::kLocal ? ImVec4(0.55f, 0.85f, 1.0f, 1.0f)
                                                              : ImVec4(0.75f, 0.75f, 0.75f, 1.0f);
        ImGui::TextColored(colour, "  %-16s %s%s%s", sym.name.c_str(), scope_name(sym.scope),
                           (sym.flags & compile::kDefParam) ? ", parameter" : "",
                           (sym.flags & compile::kDefImport) ? ", imported" : "");
      }
      for (const auto& child : t.children) draw_block(state, *child, depth + 1);
      ImGui::TreePop();
    }
    ImGui::PopID();
  }
};

// Bytecode: each code object as `dis` lists it, with jump arrows in the
// gutter; hovering an instruction highlights its source line.
class BytecodePanel final : public Panel {
 public:
  const char* title() const override { return "Bytecode"; }
  void draw(AppState& state) override {
    if (!state.parsed.ok || !state.symbols.ok) {
      ImGui::TextDisabled("(the program does not get past the earlier stages)");
      return;
    }
    const auto& c = state.compiled;
    if (!c.ok) {
      if (c.unsupported) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.95f, 0.80f, 0.40f, 1.0f));
        ImGui::TextWrapped("line %d: %s", c.error.lineno, c.error.msg.c_str());
        ImGui::PopStyleColor();
        ImGui::TextWrapped(
            "The tokens, AST and scopes above are complete; the compiler handles a growing "
            "part of Python and shows nothing rather than something CPython would not do.");
        if (ImGui::IsItemHovered()) state.hovered_line = c.error.lineno;
      } else {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.55f, 0.5f, 1.0f));
        ImGui::TextUnformatted(parse::format_error(c.error, state.filename).c_str());
        ImGui::PopStyleColor();
      }
      return;
    }
    if (ImGui::Button("Copy dis")) ImGui::SetClipboardText(compile::format_dis(*c.code).c_str());
    ImGui::Separator();
    ImGui::BeginChild("code objects");
    draw_code(state, *c.code, 0);
    ImGui::EndChild();
  }

 private:
  // [code], then the code objects among its constants (dis's order).
  void draw_code(AppState& state, const compile::CodeObject& code, int depth) {
    ImGui::PushID(&code);
    auto rows = compile::disassemble(code);
    bool open = ImGui::TreeNodeEx(
        "code", depth == 0 ? ImGuiTreeNodeFlags_DefaultOpen : 0,
        "code object %s  (line %d)  %zu instructions, stack %d, %zu consts, %zu names",
        code.qualname.c_str(), code.firstlineno, rows.size(), code.stacksize, code.consts.size(),
        code.names.size() + code.varnames.size());
    if (ImGui::IsItemHovered()) state.hovered_line = code.firstlineno;
    if (open) {
      draw_listing(state, rows);
      for (const auto& k : code.consts) {
        if (k.kind == compile::Const::Kind::kCode && k.code) draw_code(state, *k.code, depth + 1);
      }
      ImGui::TreePop();
    }
    ImGui::PopID();
  }

  void draw_listing(AppState& state, const std::vector<compile::DisRow>& rows) {
    const float gutter = 26.0f;
    std::vector<float> row_y(rows.size(), 0.0f);
    float gutter_x = 0.0f;
    if (!ImGui::BeginTable("dis", 6, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV)) return;
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, gutter);
    ImGui::TableSetupColumn("line", ImGuiTableColumnFlags_WidthFixed, 32.0f);
    ImGui::TableSetupColumn("offset", ImGuiTableColumnFlags_WidthFixed, 44.0f);
    ImGui::TableSetupColumn("instruction", ImGuiTableColumnFlags_WidthStretch, 3.0f);
    ImGui::TableSetupColumn("arg", ImGuiTableColumnFlags_WidthFixed, 28.0f);
    ImGui::TableSetupColumn("meaning", ImGuiTableColumnFlags_WidthStretch, 2.0f);
    ImGui::TableHeadersRow();
    int line = -1;
    for (size_t i = 0; i < rows.size(); ++i) {
      const auto& r = rows[i];
      if (r.starts_line >= 0) line = r.starts_line;
      ImGui::TableNextRow();
      if (line > 0 && line == state.highlight_line) {
        ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, IM_COL32(60, 80, 130, 255));
      }
      ImGui::TableNextColumn();
      ImVec2 at = ImGui::GetCursorScreenPos();
      gutter_x = at.x;
      row_y[i] = at.y + ImGui::GetTextLineHeight() * 0.5f;
      ImGui::TextUnformatted("");  // the gutter: jump arrows, drawn below
      ImGui::TableNextColumn();
      ImGui::Text("%s", r.starts_line >= 0 ? std::to_string(r.starts_line).c_str() : "");
      ImGui::TableNextColumn();
      ImGui::Text("%d", r.offset);
      bool hovered = ImGui::IsItemHovered();
      ImGui::TableNextColumn();
      ImGui::TextColored(ImVec4(0.55f, 0.80f, 1.00f, 1.0f), "%s", r.opname.c_str());
      hovered = hovered || ImGui::IsItemHovered();
      ImGui::TableNextColumn();
      ImGui::Text("%s", r.arg >= 0 ? std::to_string(r.arg).c_str() : "");
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(r.argrepr.c_str());
      hovered = hovered || ImGui::IsItemHovered();
      if (hovered) {
        if (line > 0) state.hovered_line = line;
        ImGui::SetTooltip("%d  %s %s  %s%s", r.offset, r.opname.c_str(),
                          r.arg >= 0 ? std::to_string(r.arg).c_str() : "", r.argrepr.c_str(),
                          r.jump_target ? "\n(a jump lands here)" : "");
      }
    }
    ImGui::EndTable();
    // Jump arrows: from each jump to the instruction it targets.
    ImDrawList* draw = ImGui::GetWindowDrawList();
    int lane = 0;
    for (size_t i = 0; i < rows.size(); ++i) {
      const std::string& a = rows[i].argrepr;
      if (a.rfind("to ", 0) != 0) continue;
      int target = std::atoi(a.c_str() + 3);
      for (size_t k = 0; k < rows.size(); ++k) {
        if (rows[k].offset != target) continue;
        float x = gutter_x + gutter - 6.0f - static_cast<float>(lane % 4) * 5.0f;
        ImU32 colour =
            target > rows[i].offset ? IM_COL32(120, 200, 140, 255) : IM_COL32(240, 170, 80, 255);
        float x_end = gutter_x + gutter - 1.0f;
        draw->AddLine(ImVec2(x_end, row_y[i]), ImVec2(x, row_y[i]), colour);
        draw->AddLine(ImVec2(x, row_y[i]), ImVec2(x, row_y[k]), colour);
        draw->AddLine(ImVec2(x, row_y[k]), ImVec2(x_end, row_y[k]), colour);
        draw->AddTriangleFilled(ImVec2(x_end, row_y[k]), ImVec2(x_end - 4.0f, row_y[k] - 3.0f),
                                ImVec2(x_end - 4.0f, row_y[k] + 3.0f), colour);
        ++lane;
        break;
      }
    }
  }
};

// About: which stages exist in this build.
class StagesPanel final : public Panel {
 public:
  const char* title() const override { return "Stages"; }
  void draw(AppState&) override {
    ImGui::Text("pylife %s — the life of a Python %s program", kVersion.data(),
                kPythonVersion.data());
    ImGui::Separator();
    for (const auto& info : kStages) {
      ImGui::BulletText("%-12s %s", info.name, info.built ? "ready" : "coming in a later issue");
    }
  }
};

}  // namespace

void AppState::refresh() {
  decoded = source::from_text(program, filename);
  if (decoded.ok) {
    tokens = lex::tokenize(decoded.source);
    parsed = parse::parse(decoded.source);
    auto lines = source::split_lines(decoded.source.text);
    symbols = parsed.ok ? compile::build_symtable(parsed.module, lines) : compile::SymtableResult{};
    compiled = symbols.ok ? compile::compile_module(parsed.module, *symbols.top, filename, lines)
                          : compile::CompileResult{};
  } else {
    tokens = {};
    parsed = {};
    symbols = {};
    compiled = {};
  }
}

App::App() {
  panels_.push_back(std::make_unique<EditorPanel>());
  panels_.push_back(std::make_unique<SourcePanel>());
  panels_.push_back(std::make_unique<TokensPanel>());
  panels_.push_back(std::make_unique<AstPanel>());
  panels_.push_back(std::make_unique<ScopesPanel>());
  panels_.push_back(std::make_unique<BytecodePanel>());
  panels_.push_back(std::make_unique<StagesPanel>());
  load("<editor>", kWelcome);
}

void App::load(std::string filename, std::string text) {
  state_.filename = std::move(filename);
  state_.program = std::move(text);
  state_.refresh();
}

void App::frame() {
  ++state_.frame_count;
  state_.highlight_line = state_.hovered_line;
  state_.hovered_line = 0;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const float bar_height =
      ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().WindowPadding.y * 2;

  // Pipeline bar across the top.
  ImGui::SetNextWindowPos(vp->WorkPos);
  ImGui::SetNextWindowSize(ImVec2(vp->WorkSize.x, bar_height));
  ImGui::Begin(
      "Pipeline", nullptr,
      ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
  draw_pipeline(state_);
  ImGui::End();

  // Panels tiled below it in four columns: the editor; source and
  // tokens; the syntax tree and scopes; the bytecode and the stage list.
  // Rects are fractions of the work area (x, y, w, h), in registry order.
  static constexpr float kLayout[][4] = {
      {0.00f, 0.00f, 0.24f, 1.00f},  // Editor
      {0.24f, 0.60f, 0.22f, 0.40f},  // Source
      {0.24f, 0.00f, 0.22f, 0.60f},  // Tokens
      {0.46f, 0.00f, 0.22f, 0.60f},  // AST
      {0.46f, 0.60f, 0.22f, 0.40f},  // Scopes
      {0.68f, 0.00f, 0.32f, 0.85f},  // Bytecode
      {0.68f, 0.85f, 0.32f, 0.15f},  // Stages
  };
  const float top = vp->WorkPos.y + bar_height;
  const float height = vp->WorkSize.y - bar_height;
  for (size_t i = 0; i < panels_.size(); ++i) {
    const float* r = kLayout[std::min(i, std::size(kLayout) - 1)];
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + r[0] * vp->WorkSize.x, top + r[1] * height),
                            ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(r[2] * vp->WorkSize.x, r[3] * height), ImGuiCond_FirstUseEver);
    if (ImGui::Begin(panels_[i]->title())) panels_[i]->draw(state_);
    ImGui::End();
  }
}

void setup_imgui_style(const char* font_path, float scale) {
  ImGui::StyleColorsDark();
  ImGuiStyle& style = ImGui::GetStyle();
  style.WindowRounding = 4.0f;
  style.FrameRounding = 3.0f;
  style.ScaleAllSizes(scale);
  ImGuiIO& io = ImGui::GetIO();
  if (font_path) {
    if (FILE* f = std::fopen(font_path, "rb")) {
      std::fclose(f);
      // Latin, Greek, punctuation (— …), arrows (→) and box drawing.
      static const ImWchar kRanges[] = {0x0020, 0x024F, 0x0370, 0x03FF, 0x2000, 0x206F,
                                        0x2190, 0x21FF, 0x2500, 0x257F, 0};
      io.Fonts->AddFontFromFileTTF(font_path, 16.0f * scale, nullptr, kRanges);
    }
  }
}

}  // namespace pylife::ui
