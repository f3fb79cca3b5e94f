// Panels of the visualizer and the per-frame layout.
#include "app.h"

#include <cstdio>

#include "imgui.h"
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
    {Stage::kSource, "Source", true},    {Stage::kTokens, "Tokens", false},
    {Stage::kAst, "AST", false},         {Stage::kBytecode, "Bytecode", false},
    {Stage::kVm, "VM", false},           {Stage::kTermination, "Termination", false},
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
    if (ImGui::InputTextMultiline("##program", state.program.data(), state.program.capacity() + 1,
                                  size,
                                  ImGuiInputTextFlags_AllowTabInput |
                                      ImGuiInputTextFlags_CallbackResize,
                                  resize_callback, &state.program)) {
      state.refresh();
    }
  }
};

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
    auto lines = source::split_lines(d.source.text);
    ImGui::Text("encoding: %s", d.source.encoding.c_str());
    ImGui::Text("%zu bytes of UTF-8 in %zu lines", d.source.text.size(), lines.size());
    ImGui::Separator();
    if (ImGui::BeginTable("lines", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY)) {
      ImGui::TableSetupColumn("line", ImGuiTableColumnFlags_WidthFixed, 40.0f);
      ImGui::TableSetupColumn("text");
      for (size_t i = 0; i < lines.size(); ++i) {
        ImGui::TableNextRow();
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

void AppState::refresh() { decoded = source::from_text(program, filename); }

App::App() {
  panels_.push_back(std::make_unique<EditorPanel>());
  panels_.push_back(std::make_unique<SourcePanel>());
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
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const float bar_height = ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().WindowPadding.y * 2;

  // Pipeline bar across the top.
  ImGui::SetNextWindowPos(vp->WorkPos);
  ImGui::SetNextWindowSize(ImVec2(vp->WorkSize.x, bar_height));
  ImGui::Begin("Pipeline", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoSavedSettings);
  draw_pipeline(state_);
  ImGui::End();

  // Panels tiled below it: editor on the left, the rest stacked on the right.
  const float top = vp->WorkPos.y + bar_height;
  const float height = vp->WorkSize.y - bar_height;
  const float left_w = vp->WorkSize.x * 0.55f;
  for (size_t i = 0; i < panels_.size(); ++i) {
    ImVec2 pos, size;
    if (i == 0) {
      pos = ImVec2(vp->WorkPos.x, top);
      size = ImVec2(left_w, height);
    } else {
      float h = height / static_cast<float>(panels_.size() - 1);
      pos = ImVec2(vp->WorkPos.x + left_w, top + h * static_cast<float>(i - 1));
      size = ImVec2(vp->WorkSize.x - left_w, h);
    }
    ImGui::SetNextWindowPos(pos, ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(size, ImGuiCond_FirstUseEver);
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
