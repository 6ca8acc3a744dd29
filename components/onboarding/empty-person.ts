/** A legal representative with nothing filled in: the representatives step starts with one. */
export const EMPTY_PERSON = {
  basic_info: {
    first_name_english: "",
    last_name_english: "",
    birth_date: "",
    nationality: "",
    first_name: "",
    last_name: "",
  },
  residential_address: {
    residential_address_line1: "",
    residential_address_city: "",
    residential_address_postcode: "",
    residential_address_country_code: "",
    residential_address_state: "",
  },
  identification: {
    id_number: "",
    id_issuing_country_code: "",
    id_expiration_date: "",
    id_issue_date: "",
    id_document_front_file_id: "",
    id_document_back_file_id: "",
  },
};
