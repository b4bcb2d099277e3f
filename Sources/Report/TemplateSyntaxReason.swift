import Mustache

/// swift-mustache's parser errors in words a template author can act on.
enum TemplateSyntaxReason {
    static func words(for error: any Error) -> String {
        guard let error = error as? MustacheTemplate.Error else {
            let name = String(describing: error)
            return name == "overflow" ? "the file ends inside a tag (a {{ without its }})" : name
        }
        switch error {
        case .sectionCloseNameIncorrect: return "a closing {{/name}} does not match the section it closes"
        case .unfinishedName: return "a tag is not closed with }}"
        case .expectedSectionEnd: return "a section {{#name}} or {{^name}} is never closed with {{/name}}"
        case .invalidSetDelimiter: return "a set-delimiter tag {{=<% %>=}} is badly formed"
        case .transformAppliedToInheritanceSection: return "a transform is applied to an inherited section"
        case .illegalTokenInsideInheritSection: return "a tag that is not a block sits inside an inherited partial"
        case .textInsideInheritSection: return "text sits inside an inherited partial outside any block"
        case .invalidConfigVariableSyntax: return "a {{% config}} tag is badly formed"
        case .unrecognisedConfigVariable: return "a {{% config}} tag names an unknown setting"
        }
    }
}
