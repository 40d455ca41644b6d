package dev.omnisync.console;

import dev.omnisync.workspace.WorkspaceId;
import dev.omnisync.workspace.Workspaces;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Sign-in with the workspace's API token (the same token the HTTP API takes), and sign-out. */
@Controller
class SignInController {

    private final Workspaces workspaces;

    SignInController(Workspaces workspaces) {
        this.workspaces = workspaces;
    }

    @GetMapping("/login")
    String form(@RequestParam(required = false) String signedOut, Model model) {
        model.addAttribute("signedOut", signedOut != null);
        return "console/login";
    }

    @PostMapping("/login")
    String signIn(@RequestParam(required = false) String token, HttpServletRequest request, Model model) {
        Optional<WorkspaceId> workspace = workspaces.authenticate(token == null ? null : token.strip());
        if (workspace.isEmpty()) {
            model.addAttribute("error", token == null || token.isBlank()
                    ? "Enter your API token (printed in the log on first start, or OMNISYNC_API_TOKEN)."
                    : "That API token is not valid. Check for missing characters, or ask your operator for a token.");
            return "console/login";
        }
        HttpSession old = request.getSession(false);
        if (old != null) {
            old.invalidate(); // a new session id at sign-in: no session fixation
        }
        request.getSession(true).setAttribute(SignedIn.SESSION_ATTRIBUTE, new SignedIn(workspace.get()));
        return "redirect:/";
    }

    @PostMapping("/logout")
    String signOut(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return "redirect:/login?signedOut";
    }
}
