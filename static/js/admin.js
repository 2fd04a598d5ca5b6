/* Accessible names for the widgets the Django admin builds in the browser.
   Loaded by templates/admin/base_site.html; without it the admin works the same. */
'use strict';
{
    // The id of the <label> of `element`, given one if it has none.
    const labelId = (element) => {
        const label = element.id && document.querySelector(`label[for="${element.id}"]`);
        if (!label) {
            return null;
        }
        if (!label.id) {
            label.id = `${element.id}-label`;
        }
        return label.id;
    };

    // Select2 (autocomplete fields) names its box only after the chosen value, and its search
    // field not at all: add the field's label to both.
    const nameSelect2 = (select) => {
        const id = labelId(select);
        const container = select.nextElementSibling;
        if (!id || !container || !container.classList.contains('select2')) {
            return;
        }
        const box = container.querySelector('.select2-selection');
        if (box) {
            const own = (box.getAttribute('aria-labelledby') || '').split(' ').filter(Boolean);
            box.setAttribute('aria-labelledby', [id, ...own.filter((part) => part !== id)].join(' '));
        }
        // The search field of a multiple choice; the read-only text box showing a single choice.
        container.querySelectorAll('.select2-search__field, .select2-selection__rendered[role]')
            .forEach((field) => field.setAttribute('aria-labelledby', id));
    };

    // autocomplete.js has run by now (deferred scripts run after the page's own); its widgets
    // are set up when the document is ready and for each added inline row, both through this.
    const $ = window.django && window.django.jQuery;
    if ($ && $.fn.djangoAdminSelect2) {
        const setUp = $.fn.djangoAdminSelect2;
        $.fn.djangoAdminSelect2 = function(...args) {
            // With several values each has its own remove button; Select2's extra "remove all"
            // would sit inside the list of values, where only list items belong.
            this.filter('[multiple]').attr('data-allow-clear', 'false');
            const result = setUp.apply(this, args);
            this.each((index, select) => nameSelect2(select));
            return result;
        };
    }

    // The filter boxes of a "filter_horizontal" field carry their explanation as aria-label on a
    // plain <span>, where it is not allowed; as an image it names the filter input.
    const nameFilterIcons = () => {
        document.querySelectorAll('.selector-filter .help-tooltip[aria-label]').forEach((icon) => {
            icon.setAttribute('role', 'img');
        });
    };

    // The calendar and clock pop-ups are added at the end of the page, outside every landmark:
    // as dialogs, named like the link that opens them, they are regions of their own.
    const markPickers = () => {
        document.querySelectorAll('.calendarbox, .clockbox').forEach((box) => {
            if (box.hasAttribute('role')) {
                return;
            }
            const icon = document.querySelector(`#${box.id.replace('box', 'link')} [title]`);
            box.setAttribute('role', 'dialog');
            if (icon) {
                box.setAttribute('aria-label', icon.title);
            }
        });
    };

    // The admin's own scripts set these widgets up on "load" and for each added inline row,
    // before these listeners run.
    window.addEventListener('load', () => {
        nameFilterIcons();
        markPickers();
    });
    document.addEventListener('formset:added', markPickers);
}
